/**
 * The facade that runs the stages by name, in pipeline order: {@link io.answersite.site.Answersite#load}
 * reads the configuration and content and builds the graph (writing nothing);
 * {@link io.answersite.site.Answersite#build} then renders, emits and writes. The Maven goals and the
 * tests both enter here.
 */
package io.answersite.site;
