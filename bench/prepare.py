#!/usr/bin/env python3
"""Test data for bench/run.sh: fresh sandbox login codes, and a pool of session tokens.

  prepare.py codes  SANDBOX_URL COUNT USERS FILE   mint COUNT codes spread over USERS simulated users
  prepare.py tokens SANDBOX_URL SERVER_URL COUNT FILE   log COUNT users in, one token per line
  prepare.py phone  SANDBOX_URL SERVER_URL COUNT        COUNT users log in and hand over a phone code, one
                                                        after another; prints the phone requests' latency
  prepare.py passwords SERVER_URL COUNT                 registers a name, then COUNT rounds of three password
                                                        logins (right, wrong password, unknown name), one
                                                        after another; prints their latency and the ratio

Only the standard library: the machine has python3 but the benchmark installs nothing for it.
"""
import json
import sys
import time
import urllib.error
import urllib.request

BATCH = 10_000  # the sandbox's limit per call


def post(url, document, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url, data=json.dumps(document).encode(), method="POST", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def mint(sandbox, count, users, prefix="bench"):
    codes = []
    while len(codes) < count:
        names = [f"{prefix}-{(len(codes) + i) % users}" for i in range(min(BATCH, count - len(codes)))]
        codes += post(sandbox + "/sandbox/codes", {"users": names})["codes"]
    return codes


def phone_latency(sandbox, server, count):
    """p50, p99 and max in ms of POST /api/v1/me/phone, each a getuserphonenumber call to the sandbox."""
    millis = []
    for user in (f"phone-{i}" for i in range(count)):
        token = post(server + "/api/v1/login", {"code": mint(sandbox, 1, 1, prefix=user)[0]})["token"]
        code = post(sandbox + "/sandbox/phone-code", {"user": f"{user}-0"})["code"]
        started = time.perf_counter()
        post(server + "/api/v1/me/phone", {"code": code}, token)
        millis.append((time.perf_counter() - started) * 1000)
    millis.sort()
    return millis[len(millis) // 2], millis[min(len(millis) - 1, len(millis) * 99 // 100)], millis[-1]


def percentiles(millis):
    millis = sorted(millis)
    return millis[len(millis) // 2], millis[min(len(millis) - 1, len(millis) * 99 // 100)], sum(millis) / len(millis)


def password_latency(server, count):
    """Issue 12's enumeration figure: an unknown name must cost what a wrong password costs."""
    password = "bench correct horse"
    post(server + "/api/v1/accounts", {"username": "bench-known", "password": password})
    kinds = {"right": ("bench-known", password, 200), "wrong": ("bench-known", "bench wrong horse", 401),
             "unknown": (None, password, 401)}
    millis = {kind: [] for kind in kinds}
    for i in range(count):
        for kind, (name, attempt, status) in kinds.items():
            body = {"username": name or f"bench-unknown-{i}", "password": attempt}
            started = time.perf_counter()
            try:
                post(server + "/api/v1/login/password", body)
                answered = 200
            except urllib.error.HTTPError as refused:
                answered = refused.code
            millis[kind].append((time.perf_counter() - started) * 1000)
            if answered != status:
                sys.exit(f"bench: a {kind} password login answered {answered}, not {status}")
    return {kind: percentiles(values) for kind, values in millis.items()}


def main(argv):
    if argv[1] == "passwords":
        _, _, server, count = argv
        figures = password_latency(server, int(count))
        for kind, (p50, p99, mean) in figures.items():
            print(f"{kind}_p50_ms={p50:.2f}\n{kind}_p99_ms={p99:.2f}\n{kind}_mean_ms={mean:.2f}")
        print("unknown_per_wrong=%.3f" % (figures["unknown"][2] / figures["wrong"][2]))
        return
    if argv[1] == "phone":
        _, _, sandbox, server, count = argv
        print("p50_ms=%.2f\np99_ms=%.2f\nmax_ms=%.2f" % phone_latency(sandbox, server, int(count)))
        return
    if argv[1] == "codes":
        _, _, sandbox, count, users, path = argv
        codes = mint(sandbox, int(count), int(users))
    elif argv[1] == "tokens":
        _, _, sandbox, server, count, path = argv
        codes = [post(server + "/api/v1/login", {"code": code})["token"]
                 for code in mint(sandbox, int(count), int(count), prefix="pool")]
    else:
        sys.exit(__doc__)
    with open(path, "w") as out:
        out.write("\n".join(codes) + "\n")


if __name__ == "__main__":
    main(sys.argv)
