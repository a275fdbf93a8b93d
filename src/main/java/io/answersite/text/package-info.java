/**
 * Small helpers on text and bytes that belong to no one stage: the SHA-256 digests every cache key,
 * asset name and finding id is made from, and the percent-decoding of link paths and request
 * paths. Imports nothing of the project, so every stage may use it.
 */
package io.answersite.text;
