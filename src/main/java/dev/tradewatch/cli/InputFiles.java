package dev.tradewatch.cli;

import dev.tradewatch.config.ConfigException;
import dev.tradewatch.replay.FileFormat;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an {@code --input} file and settles its format up front, so that mistakes are usage errors (exit 2). */
final class InputFiles {

    private InputFiles() {
    }

    static FileFormat formatOf(Path input, String format) {
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw new ConfigException("--input: no readable file at " + input);
        }
        try {
            return format == null ? FileFormat.detect(input) : FileFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--format: " + e.getMessage());
        }
    }
}
