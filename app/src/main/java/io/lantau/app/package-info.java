/**
 * The {@code lantau} command line: one class per subcommand under {@link io.lantau.app.LantauCommand}. Each command
 * parses its options, wires the modules it needs and returns an exit code; the work itself lives in the modules
 * ({@code bench}, {@code journal}, later {@code gateway} for {@code serve}).
 */
package io.lantau.app;
