/**
 * Commands: the only way to change core state. One immutable record per kind of change, named as an imperative.
 * Validation of values happens in the core, so every gateway gets the same rejections.
 */
package io.lantau.core.command;
