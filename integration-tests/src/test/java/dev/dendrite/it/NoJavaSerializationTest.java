package dev.dendrite.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No source of the project reads or writes Java serialization; files are safetensors. */
class NoJavaSerializationTest {

  private static final Pattern SERIALIZATION = Pattern.compile(
      "ObjectInputStream|ObjectOutputStream|implements\\s+(java\\.io\\.)?Serializable"
          + "|Externalizable|readObject\\s*\\(|writeObject\\s*\\(");

  @Test
  void noSourceUsesJavaSerialization() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertTrue(Files.exists(root.resolve("runtime/src/main/java")), root.toString());
    List<Path> offenders;
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/"))
          .filter(p -> !p.getFileName().toString().equals("NoJavaSerializationTest.java"))
          .collect(Collectors.toList());
    }
    assertTrue(sources.size() > 50, "found " + sources.size() + " sources under " + root);
    offenders = sources.stream().filter(p -> {
      try {
        return SERIALIZATION.matcher(Files.readString(p)).find();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).collect(Collectors.toList());
    assertEquals(List.of(), offenders);
  }
}
