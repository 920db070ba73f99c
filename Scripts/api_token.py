#!/usr/bin/env python3
"""Creates a personal API token the way a person does (issue #9, schemathesis in CI): signs in
with the web form, opens « Jetons d'API », submits « Créer le jeton », reads the token shown once.

usage: api_token.py BASE_URL EMAIL PASSWORD  → prints the token
"""
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

base, email, password = sys.argv[1:4]
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def page(path, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    with opener.open(base + path, data=data, timeout=30) as res:
        return res.read().decode("utf-8")


def csrf(html):
    m = re.search(r'name="_csrf" value="([^"]+)"', html)
    if not m:
        sys.exit("jeton anti-CSRF introuvable")
    return m.group(1)


login = page("/connexion")
page("/connexion", {"_csrf": csrf(login), "email": email, "password": password})
tokens = page("/compte/jetons")
created = page("/compte/jetons", {"_csrf": csrf(tokens), "name": "schemathesis"})
m = re.search(r"(gui_[A-Za-z0-9_-]{20,})", created)
if not m:
    sys.exit("jeton d'API introuvable sur la page")
print(m.group(1))
