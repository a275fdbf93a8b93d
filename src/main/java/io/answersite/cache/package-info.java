/**
 * The build cache kept under {@code target/}: what a build needs to tell, next time, whether its
 * inputs changed (a fingerprint of every input file's bytes, the plugin and the request) and which
 * pages need rendering again. Everything in it is checked before use, so deleting it is always safe:
 * the next build is simply a full one. {@link io.answersite.cache.BuildCache} is what the facade
 * calls; {@link io.answersite.cache.RecordCodec} is the binary form of the records kept (no Java
 * serialization), {@link io.answersite.cache.LoadFile} the format of the load results.
 */
package io.answersite.cache;
