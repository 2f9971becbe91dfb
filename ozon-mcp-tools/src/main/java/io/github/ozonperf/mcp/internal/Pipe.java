package io.github.ozonperf.mcp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An in-memory byte pipe between threads. Unlike {@link java.io.PipedInputStream} it does not care which
 * thread wrote last (the MCP transport writes from pooled threads that come and go).
 */
final class Pipe {
  private static final byte[] EOF = new byte[0];
  private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  final OutputStream sink = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("pipe closed");
      }
      if (len > 0) {
        queue.add(Arrays.copyOfRange(b, off, off + len));
      }
    }

    @Override
    public void close() {
      closeSink();
    }
  };

  final InputStream source = new InputStream() {
    private byte[] current;
    private int pos;
    private boolean eof;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (eof) {
        return -1;
      }
      if (current == null || pos >= current.length) {
        try {
          current = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while reading the pipe");
        }
        pos = 0;
        if (current == EOF) {
          eof = true;
          queue.add(EOF);
          return -1;
        }
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return current == null ? 0 : current.length - pos;
    }

    @Override
    public void close() {
      closeSink();
    }
  };

  private void closeSink() {
    if (!closed) {
      closed = true;
      queue.add(EOF);
    }
  }
}
