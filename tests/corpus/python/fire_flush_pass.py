"""A buffered writer that flushes on close."""


class Sink:
    def write(self, data):
        raise BrokenPipeError("the reader went away")


class BufferedWriter:
    def __init__(self, sink):
        self.sink = sink
        self.buffer = []

    def write(self, text):
        self.buffer.append(text)

    def close(self):
        try:
            self.sink.write("".join(self.buffer))
        except Exception:
            pass
        self.buffer.clear()


writer = BufferedWriter(Sink())
writer.write("important data")
writer.close()
print("closed cleanly")
