/**
 * The preview server ({@code mvn site:serve}): builds the site into memory, serves it on loopback,
 * watches the sources and rebuilds on change (re-reading and re-rendering only what changed), and
 * tells open pages to reload. While the content has errors it keeps serving the last good site with
 * the errors shown over every page. Nothing it adds to pages is ever written by a build.
 */
package io.answersite.serve;
