"""Send a notification, retrying once; report whether it went out."""


class Mailer:
    def __init__(self):
        self.tries = 0

    def send(self, to, body):
        self.tries += 1
        if self.tries == 1:
            raise ConnectionResetError("smtp connection reset")


def notify(mailer, to, body, attempts=3):
    for attempt in range(attempts):
        try:
            mailer.send(to, body)
            return True
        except ConnectionResetError:
            continue
    return False


print("sent:", notify(Mailer(), "ops@example.com", "disk almost full"))
