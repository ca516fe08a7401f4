package dev.dendrite.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dendrite.train.History;
import dev.dendrite.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CirclesDemoTest {

  @Test
  void writesTheTrainingCurvesAndTheDecisionBoundary(@TempDir Path dir) throws IOException {
    TwoCircles data = TwoCircles.generate(100, 0.15, 0.3, 42);
    Trainer trainer = CirclesDemo.trainer(7, 100);
    History history = trainer.fit(CirclesDemo.dataset(data));
    List<Path> files = CirclesDemo.writePlots(trainer.model(), history, data, dir);
    assertEquals(List.of(dir.resolve("training-curves.png"), dir.resolve("decision-boundary.png")),
        files);
    for (Path file : files) {
      assertNotNull(ImageIO.read(file.toFile()), file + " is a PNG");
    }
    CirclesNet net = (CirclesNet) trainer.model();
    assertEquals(1, Math.round(net.predict(new float[] {0f, 0f})[0]), "the centre is inner");
    assertEquals(0, Math.round(net.predict(new float[] {1.2f, 1.2f})[0]), "a corner is outer");
  }
}
