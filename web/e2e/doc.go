// Package e2e holds the end-to-end tests of argmap's page: they drive
// headless Chromium (Debian's chromium) with chromedp against the page that
// argmap serve serves and the file that argmap render --format html writes,
// and compare every label the page shows with argmap eval's.
//
// The tests skip when no Chromium is installed, except under CI=true, where
// a missing browser fails them: CI must not hide the browser tests.
package e2e
