/** Every page's styles: the shared stylesheet and the municipality's brand colour (a virtual CSS module). */
import '../styles/global.css';
import 'virtual:orienta/brand.css';
