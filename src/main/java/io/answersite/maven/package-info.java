/**
 * The Maven goals. Each is thin: it turns parameters into a build request, runs the facade, prints
 * the findings and the summary once, and maps content errors to a build failure.
 */
package io.answersite.maven;
