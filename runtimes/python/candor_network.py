"""Network calls say that the sandbox has no network.

The WebAssembly build's sockets fail with errors that do not say why
(``gaierror: [Errno -4] Non-recoverable error`` for a name lookup,
``PermissionError: [Errno 2] Permission denied`` for a new socket). Name lookups and the socket
calls that reach out raise the same exception types as before (so handlers
written for a network failure still catch them), with a message that says
the sandbox has no network.
"""

import errno
import socket

MESSAGE = "network access is not available in candor's sandbox"


def _no_lookup(*args, **kwargs):
    raise socket.gaierror(socket.EAI_FAIL, MESSAGE)


def _no_network(self, *args, **kwargs):
    raise OSError(errno.ENETUNREACH, MESSAGE)


for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getnameinfo"):
    setattr(socket, _name, _no_lookup)
_socket_init = socket.socket.__init__


def _socket(self, *args, **kwargs):
    # making a socket is refused by the WebAssembly build (`[Errno 2]
    # Permission denied`): same type, a message that says why
    try:
        _socket_init(self, *args, **kwargs)
    except OSError as error:
        raise type(error)(error.errno, MESSAGE) from None


def _no_network_code(self, *args, **kwargs):
    return errno.ENETUNREACH


for _name in ("connect", "bind", "sendto", "listen"):
    setattr(socket.socket, _name, _no_network)
socket.socket.connect_ex = _no_network_code
socket.socket.__init__ = _socket
