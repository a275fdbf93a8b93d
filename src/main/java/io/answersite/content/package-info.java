/**
 * Stage 1, load: finds the Markdown files under {@code content/}, reads them, splits and checks their
 * front matter into typed records (one per content kind, behind the sealed {@link Page}), and
 * renders their bodies. Writes nothing; every problem is a diagnostic.
 */
package io.answersite.content;
