package dev.dendrite.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The processor declares itself to javac and, as an isolating processor, to Gradle. */
class IncrementalRegistrationTest {

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = DendriteProcessor.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }
  }

  @Test
  void gradleSeesAnIsolatingProcessor() throws IOException {
    assertEquals(List.of(DendriteProcessor.class.getName() + ",isolating"),
        lines("META-INF/gradle/incremental.annotation.processors"));
  }

  @Test
  void javacFindsTheSameProcessor() throws IOException {
    assertEquals(List.of(DendriteProcessor.class.getName()),
        lines("META-INF/services/javax.annotation.processing.Processor"));
  }
}
