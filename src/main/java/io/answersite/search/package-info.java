/**
 * Site search that works offline from static files, in Chinese and English: a tokenizer shared by
 * the build and the browser (CJK bigrams plus case-folded Latin words), and a per-language index
 * split into shards so that a first query loads a small part of it.
 */
package io.answersite.search;
