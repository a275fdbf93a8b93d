/**
 * Stage 2, graph: indexes the loaded pages by key, checks what needs every page to be known (ids
 * are unique, topics and authors exist, links resolve, URLs do not collide), and fills in the
 * derived edges the pages show: resolved links and related items, topic members, translations and
 * "more answers like this". The {@link io.answersite.graph.ContentGraph} is immutable once built.
 */
package io.answersite.graph;
