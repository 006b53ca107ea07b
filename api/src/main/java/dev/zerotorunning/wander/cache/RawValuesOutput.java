package dev.zerotorunning.wander.cache;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The replies of a command (MGET) as the bytes Redis sent, {@code null} for a missing key: the
 * cache's entries are written to the client as they are, never decoded into a String.
 */
final class RawValuesOutput extends CommandOutput<String, String, List<byte[]>> {
  RawValuesOutput() {
    super(StringCodec.UTF8, new ArrayList<>(2));
  }

  @Override
  public void set(ByteBuffer bytes) {
    if (bytes == null) {
      output.add(null);
      return;
    }
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    output.add(copy);
  }
}
