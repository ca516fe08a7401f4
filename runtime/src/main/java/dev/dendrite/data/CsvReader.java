package dev.dendrite.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads numeric tables from CSV files, plain or gzip-compressed (recognised by the gzip magic
 * number, whatever the file name). The rules are RFC 4180's, made strict for numbers:
 *
 * <ul>
 *   <li>The text is UTF-8; a leading byte order mark is skipped.
 *   <li>Records end with LF, CRLF or CR. Lines that are empty or hold only spaces and tabs are
 *       skipped.
 *   <li>Fields are separated by the separator (a comma unless set otherwise). A field may be
 *       enclosed in double quotes, inside which a separator or line break is text and {@code ""}
 *       is a quote. Spaces and tabs around a field are ignored.
 *   <li>With a header, the first record names the columns. Every other field is a finite decimal
 *       number: an optional sign, digits with an optional decimal point, an optional exponent
 *       ({@code -1.5}, {@code .5}, {@code 3.}, {@code 2e-3}). An empty field, {@code NaN}, {@code
 *       Infinity}, hexadecimal and values beyond the float range are errors.
 *   <li>Every record has as many fields as the first.
 * </ul>
 *
 * <p>Any deviation is a {@link CsvFormatException} naming the file, the line and the column.
 *
 * <p>A small reader of our own rather than a general CSV library: the job is one strict numeric
 * grammar with precise messages, which takes less code than adapting a library, and the runtime
 * keeps no dependency for it. Instances are immutable.
 */
public final class CsvReader {

  private final char separator;
  private final boolean header;

  private CsvReader(char separator, boolean header) {
    this.separator = separator;
    this.header = header;
  }

  /** A reader of comma-separated numbers without a header line. */
  public static CsvReader numeric() {
    return new CsvReader(',', false);
  }

  /** This reader, taking the first record as column names. */
  public CsvReader withHeader() {
    return new CsvReader(separator, true);
  }

  /**
   * This reader with another separator, e.g. {@code ';'} or {@code '\t'}.
   *
   * @throws IllegalArgumentException for a quote, a line break, or a character that may be part
   *     of a number
   */
  public CsvReader withSeparator(char separator) {
    if (separator == '"' || separator == '\n' || separator == '\r'
        || (separator >= '0' && separator <= '9') || "+-.eE ".indexOf(separator) >= 0) {
      throw new IllegalArgumentException("'" + separator + "' cannot separate numeric fields");
    }
    return new CsvReader(separator, header);
  }

  /** Reads {@code file}. */
  public CsvTable read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    }
  }

  /**
   * Reads a CSV file held in memory.
   *
   * @param source a name for the bytes, used in messages
   */
  public CsvTable read(String source, byte[] content) throws CsvFormatException {
    try {
      return read(source, new ByteArrayInputStream(content));
    } catch (CsvFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory failed", e);
    }
  }

  /**
   * Reads CSV from {@code in}, which is read to its end and not closed.
   *
   * @param source a name for the stream, used in messages
   */
  public CsvTable read(String source, InputStream in) throws IOException {
    Parser parser = new Parser(source);
    try {
      Reader reader = new InputStreamReader(Compression.decompressed(in),
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT));
      return parser.parse(reader);
    } catch (CharacterCodingException e) {
      throw new CsvFormatException(source, parser.line, "the text is not valid UTF-8", e);
    } catch (ZipException | EOFException e) {
      throw new CsvFormatException(source, 0,
          "invalid or truncated gzip data: " + e.getMessage(), e);
    }
  }

  /** The state of one read. */
  private final class Parser {
    private final String source;
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int limit;
    private Reader reader;
    /** The line of the next character, from 1. */
    long line = 1;
    private final StringBuilder field = new StringBuilder();
    private List<String> headerNames = List.of();

    Parser(String source) {
      this.source = source;
    }

    CsvTable parse(Reader in) throws IOException {
      reader = in;
      if (peek() == '\uFEFF') {
        position++;
      }
      List<float[]> rows = new ArrayList<>();
      int width = -1;
      long firstLine = 0;
      List<String> fields = new ArrayList<>();
      List<Boolean> quoted = new ArrayList<>();
      while (true) {
        long recordLine = line;
        if (!readRecord(fields, quoted)) {
          break;
        }
        if (fields.size() == 1 && fields.get(0).isEmpty() && !quoted.get(0)) {
          continue; // a blank line
        }
        if (width < 0) {
          width = fields.size();
          firstLine = recordLine;
        } else if (fields.size() != width) {
          throw new CsvFormatException(source, recordLine, fields.size() + " field"
              + (fields.size() == 1 ? "" : "s") + ", but line " + firstLine + " has " + width);
        }
        if (header && firstLine == recordLine) {
          headerNames = List.copyOf(fields);
          continue;
        }
        float[] row = new float[width];
        for (int c = 0; c < width; c++) {
          row[c] = number(fields.get(c), recordLine, c);
        }
        rows.add(row);
      }
      if (header && width < 0) {
        throw new CsvFormatException(source, 0, "the file is empty, but a header line was"
            + " expected");
      }
      return new CsvTable(headerNames, rows.toArray(new float[0][]));
    }

    /**
     * Reads one record into {@code fields}; false at the end of the input. A blank line gives one
     * empty unquoted field.
     */
    private boolean readRecord(List<String> fields, List<Boolean> quoted) throws IOException {
      fields.clear();
      quoted.clear();
      if (peek() < 0) {
        return false;
      }
      while (true) {
        skipBlanks();
        field.setLength(0);
        boolean isQuoted = false;
        int c = peek();
        if (c == '"') {
          isQuoted = true;
          long opened = line;
          position++;
          while (true) {
            c = next();
            if (c < 0) {
              throw new CsvFormatException(source, opened,
                  "a quoted field is not closed before the end of the file");
            }
            if (c == '"') {
              if (peek() == '"') {
                position++;
                field.append('"');
              } else {
                break;
              }
            } else {
              if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
              }
              field.append((char) c);
            }
          }
          skipBlanks();
          c = peek();
          if (c >= 0 && c != separator && c != '\n' && c != '\r') {
            throw new CsvFormatException(source, line, "column " + (fields.size() + 1)
                + ": text after a closing quote; a quote inside a quoted field is written \"\"");
          }
        } else {
          while ((c = peek()) >= 0 && c != separator && c != '\n' && c != '\r') {
            if (c == '"') {
              throw new CsvFormatException(source, line, "column " + (fields.size() + 1)
                  + ": a quote inside an unquoted field; enclose the field in quotes");
            }
            field.append((char) c);
            position++;
          }
          trimEnd(field);
        }
        fields.add(field.toString());
        quoted.add(isQuoted);
        c = next();
        if (c == separator) {
          continue;
        }
        if (c == '\r') {
          if (peek() == '\n') {
            position++;
          }
          line++;
        } else if (c == '\n') {
          line++;
        }
        return true;
      }
    }

    private float number(String text, long recordLine, int column) throws CsvFormatException {
      String where = "column " + (column + 1)
          + (header ? " (\"" + abbreviate(headerNames.get(column)) + "\")" : "");
      if (text.isEmpty()) {
        throw new CsvFormatException(source, recordLine, where + " is empty; a number was"
            + " expected");
      }
      if (!isDecimal(text)) {
        throw new CsvFormatException(source, recordLine, where + ": \"" + abbreviate(text)
            + "\" is not a finite decimal number");
      }
      float value = Float.parseFloat(text);
      if (Float.isInfinite(value)) {
        throw new CsvFormatException(source, recordLine, where + ": " + abbreviate(text)
            + " is beyond the range of float");
      }
      return value;
    }

    private int peek() throws IOException {
      if (position == limit && !fill()) {
        return -1;
      }
      return buffer[position];
    }

    private int next() throws IOException {
      int c = peek();
      if (c >= 0) {
        position++;
      }
      return c;
    }

    private boolean fill() throws IOException {
      int n;
      do {
        n = reader.read(buffer, 0, buffer.length);
      } while (n == 0);
      if (n < 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    }

    private void skipBlanks() throws IOException {
      int c;
      while ((c = peek()) == ' ' || (c == '\t' && separator != '\t')) {
        position++;
      }
    }

    private void trimEnd(StringBuilder s) {
      int end = s.length();
      while (end > 0 && (s.charAt(end - 1) == ' '
          || (s.charAt(end - 1) == '\t' && separator != '\t'))) {
        end--;
      }
      s.setLength(end);
    }
  }

  /** Whether {@code s} is {@code [+-]?(d+(.d*)?|.d+)([eE][+-]?d+)?} with ASCII digits. */
  static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  @Override
  public String toString() {
    return "CsvReader(separator '" + separator + "'" + (header ? ", header" : "") + ")";
  }
}
