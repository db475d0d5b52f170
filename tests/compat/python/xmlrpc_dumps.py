# xmlrpc.client: marshalling calls and responses without a server
import xmlrpc.client

body = xmlrpc.client.dumps((1, "two", [3.5, True], {"k": None}), methodname="do.thing", allow_none=True)
print(body)
params, method = xmlrpc.client.loads(body)
print(method, params)
fault = xmlrpc.client.dumps(xmlrpc.client.Fault(4, "Too many"), methodresponse=True)
try:
    xmlrpc.client.loads(fault)
except xmlrpc.client.Fault as f:
    print(f.faultCode, f.faultString)
