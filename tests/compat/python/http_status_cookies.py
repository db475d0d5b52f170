# http: HTTPStatus, cookies, header parsing without any network
import email.message
import http
import http.cookies

print(http.HTTPStatus.NOT_FOUND, http.HTTPStatus(200).phrase, http.HTTPStatus.IM_A_TEAPOT.value, int(http.HTTPStatus.CREATED))
print([s.value for s in http.HTTPStatus if 300 <= s < 303])
c = http.cookies.SimpleCookie()
c["session"] = "abc123"
c["session"]["path"] = "/"
c["session"]["httponly"] = True
c["theme"] = "dark"
print("\n".join(sorted(c.output().splitlines())))
parsed = http.cookies.SimpleCookie('a=1; b="two words"; c=3')
print(sorted((k, m.value) for k, m in parsed.items()))
print(http.HTTPMethod.GET, http.HTTPMethod.POST.description)
