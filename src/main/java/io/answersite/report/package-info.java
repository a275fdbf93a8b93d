/**
 * Reports of a build's findings: console lines (sorted, capped per rule, with exact counts), and
 * files for CI systems in the report folder: {@code report.json}, a JUnit XML file and an HTML page.
 */
package io.answersite.report;
