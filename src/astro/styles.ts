/** Every page's styles: the shared stylesheet, the municipality's brand colour and the fonts made for the site (virtual CSS modules). */
import '../styles/global.css';
import 'virtual:orienta/brand.css';
import 'virtual:orienta/fonts.css';
