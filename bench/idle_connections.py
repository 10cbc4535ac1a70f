#!/usr/bin/env python3
"""Holds N keep-alive connections to 127.0.0.1:PORT open for SECONDS, each mostly idle: it
sends GET /healthz once every INTERVAL seconds (1 by default, under the server's 2-second keep-alive
timeout, so the server keeps it), as a browser tab left open would. Says how many connections
the server closed and how many answers came back.
Usage: idle_connections.py PORT N SECONDS [INTERVAL]"""
import selectors
import socket
import sys
import time

port, count, seconds = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
interval = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
request = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
conns = []
for i in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    s.setblocking(False)
    conns.append(s)
print(f"idle: {count} connections open", flush=True)
sel = selectors.DefaultSelector()  # epoll: the holder itself should cost little CPU
for c in conns:
    sel.register(c, selectors.EVENT_READ)
start = time.time()
closed, answers, turn = set(), 0, 0
slots = 10  # each tenth of the interval, a tenth of the connections send their request
while time.time() < start + seconds:
    for i in range(turn % slots, count, slots):
        c = conns[i]
        if c not in closed:
            try:
                c.send(request)
            except OSError:
                closed.add(c)
    turn += 1
    until = time.time() + interval / slots
    while (left := until - time.time()) > 0:
        for key, _ in sel.select(left):
            try:
                data = key.fileobj.recv(65536)
            except OSError:
                data = b""
            if not data:
                closed.add(key.fileobj)
                sel.unregister(key.fileobj)
            answers += data.count(b"HTTP/1.1 200")
print(f"idle: {len(closed)} of {count} closed by the server in {seconds:.0f} s; "
      f"{answers} answers to the occasional request", flush=True)
