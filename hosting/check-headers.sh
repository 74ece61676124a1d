#!/bin/sh
# Orienta: checks a deployed site's status codes, content types, caching and security headers.
# Needs only sh and curl. Explained in docs/hosting.md, "Test the hosting". The tests run it
# against nginx with hosting/nginx.conf (tests/e2e/hosting.test.ts).
#
#   sh hosting/check-headers.sh https://kommun.example/samhallsorientering/          # nginx, _headers hosts
#   sh hosting/check-headers.sh https://kommun.example/samhallsorientering/ en      # test from /en/
#   sh hosting/check-headers.sh --no-headers https://owner.github.io/repo/          # GitHub Pages
#
# --no-headers skips the security and caching header checks, for hosts that cannot set headers.
# Add -k to CURL_OPTS for a test server with a self-signed certificate: CURL_OPTS=-k sh …
# Exit status: 0 when every check passes, 1 otherwise.

set -u -f   # -f: CSP sources are words, never file patterns
check_headers=1
if [ "${1:-}" = "--no-headers" ]; then check_headers=0; shift; fi
base=${1:-}
locale=${2:-sv}
if [ -z "$base" ]; then
  echo "usage: sh hosting/check-headers.sh [--no-headers] https://host/base/path/ [locale]" >&2
  exit 2
fi
case "$base" in */) ;; *) base="$base/" ;; esac
origin=$(printf '%s' "$base" | sed -E 's#^(https?://[^/]+).*#\1#')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

pass() { printf '  ok    %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1"; failures=$((failures + 1)); }

# fetch URL: headers to $tmp/h, body (decompressed) to $tmp/b, status code to $status.
fetch() {
  status=$(curl -sS ${CURL_OPTS:-} --compressed -o "$tmp/b" -D "$tmp/h" -w '%{http_code}' "$1") || status=000
}
# header NAME: the value of a response header (last one wins), lower-case name match.
header() { tr -d '\r' < "$tmp/h" | grep -i "^$1:" | tail -n 1 | cut -d: -f2- | sed 's/^ *//'; }
expect_status() { if [ "$status" = "$1" ]; then pass "status $status"; else fail "status $status, expected $1"; fi; }
expect_header() { # NAME REGEX DESCRIPTION
  value=$(header "$1")
  if printf '%s' "$value" | grep -Eq -- "$2"; then pass "$1: $3"; else fail "$1 is \"$value\", expected $3"; fi
}
no_cookies() { if tr -d '\r' < "$tmp/h" | grep -qi '^set-cookie:'; then fail "sets a cookie"; else pass "no cookies"; fi; }
# directive NAME POLICY: the sources of one directive of a policy, e.g. "'self' 'sha256-…'".
directive() { printf '%s' "$2" | tr ';' '\n' | sed 's/^ *//' | grep -i "^$1 " | head -n 1 | cut -d' ' -f2-; }
# The page's own policy, from its <meta http-equiv="content-security-policy"> tag.
meta_policy() {
  tr '\n' ' ' < "$tmp/b" | grep -io '<meta[^>]*http-equiv="content-security-policy"[^>]*>' | head -n 1 \
    | sed -n 's/.*content="\([^"]*\)".*/\1/p' | sed "s/&#39;/'/g"
}
# The header must be as strict as the page's own policy: no 'unsafe-inline' for scripts or
# styles, and every hash the page lists, or the browser blocks that inline script or style.
csp_covers_page() {
  csp=$(header content-security-policy)
  for name in script-src style-src; do
    case " $(directive "$name" "$csp") " in
      *"'unsafe-inline'"*) fail "content-security-policy: $name allows 'unsafe-inline'" ;;
      *) pass "content-security-policy: $name without 'unsafe-inline'" ;;
    esac
  done
  page_policy=$(meta_policy)
  if [ -z "$page_policy" ]; then printf '  note  the page has no Content-Security-Policy <meta> tag\n'; return 0; fi
  for name in script-src style-src; do
    allowed=" $(directive "$name" "$csp") "
    missing=0
    for source in $(directive "$name" "$page_policy"); do
      case "$source" in "'sha"*) case "$allowed" in *" $source "*) ;; *) missing=$((missing + 1)) ;; esac ;; esac
    done
    if [ "$missing" = 0 ]; then pass "content-security-policy: $name has every hash of the page's own policy"
    else fail "content-security-policy: $name lacks $missing hash(es) of the page's own policy: install the _nginx-csp.conf or _headers of the deployed build and reload the server"; fi
  done
}
security_headers() {
  [ "$check_headers" = 1 ] || return 0
  expect_header content-security-policy "default-src 'self'" "default-src 'self'"
  expect_header content-security-policy "'wasm-unsafe-eval'" "allows Pagefind's WebAssembly"
  expect_header content-security-policy "frame-ancestors 'none'" "frame-ancestors 'none'"
  csp_covers_page
  expect_header x-content-type-options '^nosniff$' "nosniff"
  expect_header referrer-policy '^no-referrer$' "no-referrer"
  expect_header permissions-policy 'camera=\(\)' "camera, microphone and geolocation off"
  case "$base" in https:*) expect_header strict-transport-security 'max-age=[1-9]' "HSTS is on" ;; esac
}
revalidates() {
  [ "$check_headers" = 1 ] || return 0
  expect_header cache-control 'no-cache|max-age=0' "revalidated on every visit"
}

echo "Page: ${base}${locale}/"
fetch "${base}${locale}/"
expect_status 200
expect_header content-type '^text/html' "HTML"
expect_header content-encoding 'gzip|br|zstd' "compressed"
security_headers
revalidates
no_cookies
page_html="$tmp/page.html"
cp "$tmp/b" "$page_html"

asset=$(grep -o '/[^"'"'"' ]*_astro/[^"'"'"' ]*\.js' "$page_html" | head -n 1)
basepath=${base#"$origin"}
echo "Fingerprinted asset: ${asset:-none found}"
if [ -n "$asset" ] && [ "${asset#"$basepath"}" = "$asset" ]; then
  fail "the page links its assets at $asset, outside $basepath: rebuild with ORIENTA_BASE=$basepath"
elif [ -n "$asset" ]; then
  fetch "$origin$asset"
  expect_status 200
  expect_header content-type 'javascript' "JavaScript"
  [ "$check_headers" = 1 ] && expect_header cache-control 'max-age=31536000' "cached for a year"
  [ "$check_headers" = 1 ] && expect_header cache-control 'immutable' "immutable"
else
  fail "no /_astro/*.js script found on ${base}${locale}/: is the site built with the right ORIENTA_BASE?"
fi

echo "Service worker: ${base}sw.js"
fetch "${base}sw.js"
expect_status 200
expect_header content-type 'javascript' "JavaScript"
revalidates

echo "Search index: ${base}pagefind/pagefind-entry.json"
fetch "${base}pagefind/pagefind-entry.json"
expect_status 200
expect_header content-type 'json' "JSON"
wasm=$(grep -o '"wasm":"[^"]*"' "$tmp/b" | head -n 1 | cut -d'"' -f4)
echo "Search worker: ${base}pagefind/pagefind-worker.js"
fetch "${base}pagefind/pagefind-worker.js"
expect_status 200
expect_header content-type 'javascript' "JavaScript"
if [ "$check_headers" = 1 ] && [ -n "$(header content-security-policy)" ]; then
  expect_header content-security-policy "'wasm-unsafe-eval'" "the search worker may compile WebAssembly"
fi
if [ -n "$wasm" ]; then
  status=$(curl -sS ${CURL_OPTS:-} -o /dev/null -D "$tmp/h" -H 'Accept-Encoding: gzip, br' -w '%{http_code}' "${base}pagefind/wasm.${wasm}.pagefind") || status=000
  echo "Search WebAssembly: ${base}pagefind/wasm.${wasm}.pagefind"
  expect_status 200
  if [ -z "$(header content-encoding)" ]; then pass "sent as is (Pagefind compressed it already)"; else fail "Content-Encoding $(header content-encoding): Pagefind files must be sent as they are"; fi
fi

echo "JSON Schema: ${base}schemas/progress.v1.json"
fetch "${base}schemas/progress.v1.json"
expect_status 200
expect_header content-type 'json' "JSON"

echo "Not found: ${base}${locale}/no-such-page-orienta-check/"
fetch "${base}${locale}/no-such-page-orienta-check/"
expect_status 404
expect_header content-type '^text/html' "HTML"
lang=$(grep -o '<html lang="[^"]*"' "$tmp/b" | head -n 1 | cut -d'"' -f2)
case "$lang" in
  "$locale"|"$locale"-*) pass "404 page in the reader's language (lang=\"$lang\")" ;;
  *) printf '  note  404 page has lang="%s", not the locale "%s" (fine on hosts with one 404 page)\n' "$lang" "$locale" ;;
esac
security_headers

echo
if [ "$failures" = 0 ]; then echo "All checks passed."; exit 0; fi
echo "$failures check(s) failed."
exit 1
