# logging: the root logger's default handler writes WARNING and above to stderr
import logging

logging.info("not shown")
logging.warning("something odd")
print("stdout line")
logging.error("final error line")
