# ipaddress: addresses, networks, subnets, membership, v6 compression
import ipaddress

a = ipaddress.ip_address("192.168.1.10")
net = ipaddress.ip_network("192.168.1.0/24")
print(a in net, net.num_addresses, net.netmask, net.broadcast_address, a.is_private, int(a))
print(list(net.subnets(new_prefix=26)), net.supernet(prefixlen_diff=8))
print([str(h) for h in ipaddress.ip_network("10.0.0.0/30").hosts()])
v6 = ipaddress.ip_address("2001:0db8:0000:0000:0000:ff00:0042:8329")
print(v6, v6.exploded, v6.version, ipaddress.ip_address("::1").is_loopback)
iface = ipaddress.ip_interface("10.1.2.3/16")
print(iface.network, iface.ip, iface.with_netmask)
print(list(ipaddress.collapse_addresses([ipaddress.ip_network("1.0.0.0/25"), ipaddress.ip_network("1.0.0.128/25")])))
print(sorted([ipaddress.ip_address("10.0.0.2"), ipaddress.ip_address("9.255.0.1")]))
try:
    ipaddress.ip_address("300.1.1.1")
except ValueError as exc:
    print("ValueError:", exc)
