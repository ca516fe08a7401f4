package dev.dendrite.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dendrite.Model;
import dev.dendrite.data.Dataset;
import dev.dendrite.io.ModelFiles;
import dev.dendrite.train.History;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A trained Dendrite network as a Spark ML {@link org.apache.spark.ml.Model}: scores a
 * DataFrame's {@code featuresCol} (an ML {@code Vector} of the network's input size) and appends
 * {@code predictionCol} and, for a softmax or sigmoid output, {@code probabilityCol}.
 *
 * <ul>
 *   <li>softmax: the prediction is the class index (a double), the probability the softmax
 *       outputs;
 *   <li>one sigmoid unit: the prediction is 0 or 1 (1 when the output is at least 0.5), the
 *       probability the vector {@code [1 - p, p]}, as Spark's binary classifiers give it;
 *   <li>several sigmoid units (independent yes/no labels): the prediction is a vector of 0/1,
 *       the probability the outputs;
 *   <li>regression: the prediction is the output vector; no probability column.
 * </ul>
 *
 * <p>The network travels as its generated class's name and its weights, the bytes of a
 * safetensors file, broadcast once per {@code transform}. Each task builds one network with the
 * class's no-argument constructor, loads the bytes, sets it to one thread (Spark's task slots
 * are the parallelism) and predicts its partition in batches of {@code batchSize} rows.
 *
 * <p>Saved with {@link #write()} as a folder holding {@code metadata/part-00000} (Spark ML's
 * metadata JSON, with the network class and the training history) and {@code
 * weights.safetensors}, written and read through Hadoop's file system API, so any file system
 * Spark reaches works; {@link #load} reads it back, and so does a {@code PipelineModel} that
 * contains it.
 */
public final class DendriteModel extends org.apache.spark.ml.Model<DendriteModel>
    implements MLWritable {

  private static final long serialVersionUID = 1L;

  /** The name of the weights file inside a saved model's folder. */
  public static final String WEIGHTS_FILE = "weights.safetensors";

  private final String uid;
  private final String networkClass;
  private final byte[] weights;
  private final transient History history;
  /** The wall time of each training epoch; null for a model that was not trained here. */
  transient double[] epochSeconds;
  /** A network on the driver, for its description; built on first use. */
  private transient Model network;

  private final Param<String> featuresCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;
  private final IntParam batchSize;

  /**
   * A model of the network {@code networkClass} with the given weights.
   *
   * @param networkClass the generated class's binary name, e.g. {@code example.XorNet}
   * @param weights the bytes of a safetensors file for that class ({@link ModelFiles#toBytes})
   * @throws InvalidInputException if the class is absent or not a network, or the weights do not
   *     fit it
   */
  public DendriteModel(String networkClass, byte[] weights) {
    this(Identifiable.randomUID("dendrite"), networkClass, weights, null);
  }

  /** A model of {@code network}'s class with its current weights. */
  public static DendriteModel of(Model network) {
    return new DendriteModel(network.getClass().getName(), ModelFiles.toBytes(network));
  }

  DendriteModel(String uid, String networkClass, byte[] weights, History history) {
    this.uid = uid;
    this.networkClass = networkClass;
    this.weights = weights.clone();
    this.history = history;
    this.network = Networks.withWeights(networkClass, this.weights, "weights of " + uid);
    this.featuresCol = new Param<>(this, "featuresCol", "the features column, an ML Vector");
    this.predictionCol = new Param<>(this, "predictionCol", "the prediction column");
    this.probabilityCol = new Param<>(this, "probabilityCol",
        "the probability column, for softmax and sigmoid outputs");
    this.batchSize = new IntParam(this, "batchSize", "rows per prediction batch");
    setDefault(featuresCol, "features");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
    setDefault(batchSize, 256);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The generated class's binary name. */
  public String networkClass() {
    return networkClass;
  }

  /** The weights: a copy of the bytes of a safetensors file. */
  public byte[] weights() {
    return weights.clone();
  }

  /**
   * A new network of the generated class with these weights, to predict with outside Spark
   * ({@code predict}), evaluate or keep training.
   */
  public Model network() {
    return Networks.withWeights(networkClass, weights, "weights of " + uid);
  }

  /**
   * The loss, metrics and learning rate of every training epoch, as the single-JVM {@code
   * Trainer} records them; null for a model that was not trained by {@link DendriteEstimator}.
   */
  public History history() {
    return history;
  }

  /**
   * The wall time in seconds of each training epoch (its steps and its validation, not the
   * layout of the data before the first), as {@link DendriteEstimator#fit} measured it; null for
   * a model that was loaded or built from weights.
   */
  public double[] epochSeconds() {
    return epochSeconds == null ? null : epochSeconds.clone();
  }

  private Model described() {
    if (network == null) {
      network = Networks.withWeights(networkClass, weights, "weights of " + uid);
    }
    return network;
  }

  /** The features column param. */
  public Param<String> featuresCol() {
    return featuresCol;
  }

  /** The prediction column param. */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /** The probability column param. */
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  /** The param of the rows per prediction batch. */
  public IntParam batchSize() {
    return batchSize;
  }

  /** The features column; {@code features} by default. */
  public String getFeaturesCol() {
    return $(featuresCol);
  }

  /** The prediction column; {@code prediction} by default. */
  public String getPredictionCol() {
    return $(predictionCol);
  }

  /** The probability column; {@code probability} by default. */
  public String getProbabilityCol() {
    return $(probabilityCol);
  }

  /** The rows per prediction batch; 256 by default. */
  public int getBatchSize() {
    return (Integer) $(batchSize);
  }

  /** Sets the features column. */
  public DendriteModel setFeaturesCol(String value) {
    set(featuresCol, value);
    return this;
  }

  /** Sets the prediction column. */
  public DendriteModel setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  /** Sets the probability column. */
  public DendriteModel setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  /** Sets the rows per prediction batch. */
  public DendriteModel setBatchSize(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + value);
    }
    set(batchSize, value);
    return this;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Rows.vectorColumn(schema, getFeaturesCol(), "features");
    Output output = Output.of(described());
    List<StructField> fields = new ArrayList<>(Arrays.asList(schema.fields()));
    for (String name : output.hasProbability()
        ? List.of(getPredictionCol(), getProbabilityCol()) : List.of(getPredictionCol())) {
      if (Arrays.asList(schema.fieldNames()).contains(name)) {
        throw new InvalidInputException(name, -1, "the DataFrame already has a column '" + name
            + "'; expected a new column name for the output (set predictionCol or"
            + " probabilityCol)");
      }
    }
    fields.add(DataTypes.createStructField(getPredictionCol(), output.scalarPrediction()
        ? DataTypes.DoubleType : SQLDataTypes.VectorType(), false));
    if (output.hasProbability()) {
      fields.add(DataTypes.createStructField(getProbabilityCol(), SQLDataTypes.VectorType(),
          false));
    }
    return DataTypes.createStructType(fields);
  }

  @Override
  public org.apache.spark.sql.Dataset<Row> transform(org.apache.spark.sql.Dataset<?> dataset) {
    StructType schema = dataset.schema();
    StructType out = transformSchema(schema);
    int featuresIndex = Rows.vectorColumn(schema, getFeaturesCol(), "features");
    Model description = described();
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
    Broadcast<Payload> payload = context.broadcast(new Payload(networkClass, weights));
    Scorer scorer = new Scorer(payload, featuresIndex, getFeaturesCol(),
        description.inputSize(), description.outputSize(), Output.of(description),
        getBatchSize());
    return dataset.toDF().mapPartitions(scorer, Encoders.row(out));
  }

  @Override
  public DendriteModel copy(ParamMap extra) {
    DendriteModel copy = new DendriteModel(uid, networkClass, weights, history);
    copy.epochSeconds = epochSeconds;
    copyValues(copy, extra);
    if (hasParent()) {
      copy.setParent(parent());
    }
    return copy;
  }

  @Override
  public String toString() {
    return "DendriteModel(" + uid + ", " + networkClass + ")";
  }

  /** What a scoring task needs: the class name and the weights; broadcast once per transform. */
  record Payload(String networkClass, byte[] weights) implements Serializable {}

  /** Scores one partition in batches with one network of one thread. */
  private static final class Scorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Payload> payload;
    private final int featuresIndex;
    private final String featuresCol;
    private final int inputs;
    private final int outputs;
    private final Output output;
    private final int batchSize;

    Scorer(Broadcast<Payload> payload, int featuresIndex, String featuresCol, int inputs,
        int outputs, Output output, int batchSize) {
      this.payload = payload;
      this.featuresIndex = featuresIndex;
      this.featuresCol = featuresCol;
      this.inputs = inputs;
      this.outputs = outputs;
      this.output = output;
      this.batchSize = batchSize;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      if (!rows.hasNext()) {
        return rows;
      }
      Payload p = payload.value();
      Model model = Networks.withWeights(p.networkClass(), p.weights(), "broadcast weights");
      int partition = TaskContext.get() == null ? -1 : TaskContext.getPartitionId();
      return new Iterator<>() {
        private final Row[] in = new Row[batchSize];
        private final float[][] x = new float[batchSize][];
        private final float[][] y = new float[batchSize][outputs];
        private int count;
        private int next;
        private long seen;

        @Override
        public boolean hasNext() {
          return next < count || rows.hasNext();
        }

        @Override
        public Row next() {
          if (next == count) {
            fill();
          }
          int s = next++;
          Row row = in[s];
          in[s] = null;
          return scored(row, y[s]);
        }

        private void fill() {
          if (!rows.hasNext()) {
            throw new NoSuchElementException();
          }
          count = 0;
          next = 0;
          while (count < batchSize && rows.hasNext()) {
            Row row = rows.next();
            String where = "row " + seen + " of partition " + partition;
            x[count] = Rows.features(row, featuresIndex, inputs, featuresCol, -1, where);
            in[count++] = row;
            seen++;
          }
          model.predict(x, count, y);
        }
      };
    }

    private Row scored(Row row, float[] a) {
      int width = row.length();
      Object[] values = new Object[width + (output.hasProbability() ? 2 : 1)];
      for (int i = 0; i < width; i++) {
        values[i] = row.get(i);
      }
      double[] outs = new double[a.length];
      for (int j = 0; j < a.length; j++) {
        outs[j] = a[j];
      }
      switch (output) {
        case SOFTMAX -> {
          values[width] = (double) Dataset.classOf(a);
          values[width + 1] = Vectors.dense(outs);
        }
        case SIGMOID -> {
          values[width] = (double) Dataset.classOf(a);
          values[width + 1] = Vectors.dense(1.0 - outs[0], outs[0]);
        }
        case SIGMOIDS -> {
          double[] labels = new double[a.length];
          for (int j = 0; j < a.length; j++) {
            labels[j] = a[j] >= 0.5f ? 1 : 0;
          }
          values[width] = Vectors.dense(labels);
          values[width + 1] = Vectors.dense(outs);
        }
        case REGRESSION -> values[width] = Vectors.dense(outs);
      }
      return RowFactory.create(values);
    }
  }

  // ---------------------------------------------------------------- saving and loading

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  /** A reader of models saved with {@link #write()}. */
  public static MLReader<DendriteModel> read() {
    return new Reader();
  }

  /** Loads a model saved with {@code write().save(path)}. */
  public static DendriteModel load(String path) {
    return read().load(path);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final class Writer extends MLWriter {
    private final DendriteModel model;

    Writer(DendriteModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      ObjectNode metadata = JSON.createObjectNode();
      metadata.put("class", DendriteModel.class.getName());
      metadata.put("timestamp", System.currentTimeMillis());
      metadata.put("sparkVersion", sc().version());
      metadata.put("uid", model.uid);
      ObjectNode params = metadata.putObject("paramMap");
      ObjectNode defaults = metadata.putObject("defaultParamMap");
      for (Param<?> param : List.of(model.featuresCol, model.predictionCol,
          model.probabilityCol, model.batchSize)) {
        if (model.isSet(param)) {
          params.set(param.name(), JSON.valueToTree(model.getOrDefault(param)));
        }
        defaults.set(param.name(), JSON.valueToTree(model.getDefault(param).get()));
      }
      metadata.put("networkClass", model.networkClass);
      metadata.put("network", model.described().networkName());
      metadata.put("weights", WEIGHTS_FILE);
      if (model.history != null) {
        ObjectNode history = metadata.putObject("history");
        for (String name : model.history.names()) {
          ArrayNode values = history.putArray(name);
          model.history.get(name).forEach(values::add);
        }
      }
      try {
        Path folder = new Path(path);
        FileSystem fs = folder.getFileSystem(sc().hadoopConfiguration());
        write(fs, new Path(new Path(folder, "metadata"), "part-00000"),
            (JSON.writeValueAsString(metadata) + "\n").getBytes(StandardCharsets.UTF_8));
        write(fs, new Path(folder, WEIGHTS_FILE), model.weights);
      } catch (IOException e) {
        throw new IllegalStateException("saving " + model + " to " + path + " failed", e);
      }
    }

    private static void write(FileSystem fs, Path file, byte[] bytes) throws IOException {
      try (OutputStream out = fs.create(file, true)) {
        out.write(bytes);
      }
    }
  }

  private static final class Reader extends MLReader<DendriteModel> {
    @Override
    public DendriteModel load(String path) {
      Path folder = new Path(path);
      Path metadataFile = new Path(new Path(folder, "metadata"), "part-00000");
      Path weightsFile = new Path(folder, WEIGHTS_FILE);
      JsonNode metadata;
      byte[] weights;
      try {
        FileSystem fs = folder.getFileSystem(sc().hadoopConfiguration());
        metadata = JSON.readTree(new String(read(fs, metadataFile), StandardCharsets.UTF_8));
        weights = read(fs, weightsFile);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read a DendriteModel from " + path + ": " + e,
            e);
      }
      String className = metadata.path("class").asText();
      if (!DendriteModel.class.getName().equals(className)) {
        throw new IllegalArgumentException(metadataFile + " describes a " + className
            + ", not a " + DendriteModel.class.getName());
      }
      JsonNode networkClass = metadata.get("networkClass");
      if (networkClass == null || !networkClass.isTextual()) {
        throw new IllegalArgumentException(metadataFile + " has no networkClass");
      }
      History history = null;
      JsonNode h = metadata.get("history");
      if (h != null && h.isObject()) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        h.fields().forEachRemaining(e -> {
          List<Double> list = new ArrayList<>();
          e.getValue().forEach(v -> list.add(v.isNumber() ? v.asDouble()
              : Double.parseDouble(v.asText())));
          values.put(e.getKey(), list);
        });
        history = History.of(values);
      }
      DendriteModel model = new DendriteModel(metadata.path("uid").asText(),
          networkClass.asText(), weights, history);
      JsonNode params = metadata.path("paramMap");
      params.fields().forEachRemaining(e -> {
        switch (e.getKey()) {
          case "featuresCol" -> model.setFeaturesCol(e.getValue().asText());
          case "predictionCol" -> model.setPredictionCol(e.getValue().asText());
          case "probabilityCol" -> model.setProbabilityCol(e.getValue().asText());
          case "batchSize" -> model.setBatchSize(e.getValue().asInt());
          default -> throw new IllegalArgumentException(metadataFile + " has an unknown param "
              + e.getKey());
        }
      });
      return model;
    }

    private static byte[] read(FileSystem fs, Path file) throws IOException {
      try (InputStream in = fs.open(file)) {
        return in.readAllBytes();
      }
    }
  }
}
