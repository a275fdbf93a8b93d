/**
 * Reading source files and the YAML in them. The one place that touches the disk for input text
 * ({@link io.answersite.source.SourceReader}: UTF-8, byte-order mark, line endings), and parsers that
 * take a label and a string: the front matter splitter and a YAML reader that keeps the line and
 * column of every key and value, so later stages can report problems where the editor wrote them.
 */
package io.answersite.source;
