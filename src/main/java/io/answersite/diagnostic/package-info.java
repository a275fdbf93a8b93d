/**
 * Diagnostics as values: a {@link io.answersite.diagnostic.SourcePos} printing {@code file:line:col},
 * a {@link io.answersite.diagnostic.Diagnostic} with a severity and a rule id, and the collector that
 * every stage adds to. The build reports them once, sorted, at the end.
 */
package io.answersite.diagnostic;
