/**
 * Reports of a build's findings: console lines (sorted, capped per rule, with exact counts), and
 * files for CI systems in the report folder: {@code report.json}, a JUnit XML file, an HTML page, a
 * SARIF log for code scanning and GitLab's Code Quality report; in GitHub Actions, also one workflow
 * command per finding, which GitHub shows as an annotation on the pull request.
 */
package io.answersite.report;
