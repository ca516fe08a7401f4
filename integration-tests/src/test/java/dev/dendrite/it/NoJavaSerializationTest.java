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

/**
 * No source of the project reads or writes Java serialization; files are safetensors. The one
 * exception is the spark module's main sources, whose task messages (shards of rows, a task's
 * gradients, the class name and safetensors bytes of a network) Spark itself sends between driver
 * and executors with Java serialization, so they must be {@code Serializable}; even there no
 * source reads or writes a Java-serialized stream of its own.
 */
class NoJavaSerializationTest {

  private static final Pattern SERIALIZATION = Pattern.compile(
      "ObjectInputStream|ObjectOutputStream|implements\\s+(java\\.io\\.)?Serializable"
          + "|Externalizable|readObject\\s*\\(|writeObject\\s*\\(");

  /** What the spark module's main sources must not use either. */
  private static final Pattern STREAMS = Pattern.compile(
      "ObjectInputStream|ObjectOutputStream|Externalizable|readObject\\s*\\(|writeObject\\s*\\(");

  private static final String SPARK_MAIN = "/spark/src/main/java/";

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
        Pattern forbidden = p.toString().contains(SPARK_MAIN) ? STREAMS : SERIALIZATION;
        return forbidden.matcher(Files.readString(p)).find();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).collect(Collectors.toList());
    assertEquals(List.of(), offenders);
  }
}
