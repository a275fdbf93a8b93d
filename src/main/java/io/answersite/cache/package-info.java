/**
 * The build cache kept under {@code target/}: what a build needs to tell, next time, whether its
 * inputs changed (a fingerprint of every input file's bytes, the plugin and the request) and which
 * pages need rendering again. Everything in it is checked before use, so deleting it is always safe:
 * the next build is simply a full one.
 */
package io.answersite.cache;
