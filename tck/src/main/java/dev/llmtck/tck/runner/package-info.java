/**
 * Runs a contract's clauses on the JUnit Platform and gathers one result per clause (status, message, evidence),
 * applies waivers, and judges GitLab Duo feature readiness.
 */
package dev.llmtck.tck.runner;
