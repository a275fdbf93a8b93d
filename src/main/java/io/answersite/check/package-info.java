/**
 * Stage 2b, check: the rules that need the whole content graph (orphans, unbacked answers, unused
 * and unlinked glossary terms, links across languages, one-way relations), editorial limits,
 * freshness and content safety; and, after rendering, the checks of the built HTML. Every finding
 * is a diagnostic with a rule id from {@link io.answersite.diagnostic.Rules}.
 */
package io.answersite.check;
