/** Subcommands of {@code lantau} that stand on their own (each registered in {@code LantauCommand}). */
package io.lantau.app.command;
