/**
 * The platform in one process: configuration, and the wiring of journal, core, read models, relational store and
 * gateway into one running whole ({@code lantau serve}).
 */
package io.lantau.app.platform;
