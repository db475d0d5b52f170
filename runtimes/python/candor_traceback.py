"""Tracebacks of deep recursion print in time proportional to what they show.

``traceback.StackSummary.format`` formats every frame (reading its line and
finding the carets under it) and only then drops the repeats past the third
of a recursion, which it summarises as "[Previous line repeated N more
times]". A 10 000-deep recursion then costs 10 000 formatted frames, which in
the WebAssembly build takes over a second. The replacement installed here
decides first whether a frame will be shown and formats only those: the
output is the same, line for line.
"""

import traceback


_original = traceback.StackSummary.format
_base_frame_format = traceback.StackSummary.format_frame_summary


def _format(self, **kwargs):
    """`StackSummary.format`, formatting only the frames it shows."""
    if type(self).format_frame_summary is not _base_frame_format:
        # a subclass may skip frames (by returning None): keep the original's order
        return _original(self, **kwargs)
    colorize = kwargs.get("colorize", False)
    cutoff = traceback._RECURSIVE_CUTOFF
    result = []
    last = None
    count = 0
    for frame_summary in self:
        key = (frame_summary.filename, frame_summary.lineno, frame_summary.name)
        if last is None or None in last or key != last:
            if count > cutoff:
                result.append(_repeated(count - cutoff))
            last = key
            count = 0
        count += 1
        if count > cutoff:
            continue
        result.append(self.format_frame_summary(frame_summary, colorize=colorize))
    if count > cutoff:
        result.append(_repeated(count - cutoff))
    return result


def _repeated(count):
    return f'  [Previous line repeated {count} more time{"s" if count > 1 else ""}]\n'


_format.__doc__ = traceback.StackSummary.format.__doc__
_format.__name__ = "format"
_format.__qualname__ = "StackSummary.format"
traceback.StackSummary.format = _format
