#!/usr/bin/env python3
"""Test data for bench/run.sh: fresh sandbox login codes, and a pool of session tokens.

  prepare.py codes  SANDBOX_URL COUNT USERS FILE   mint COUNT codes spread over USERS simulated users
  prepare.py tokens SANDBOX_URL SERVER_URL COUNT FILE   log COUNT users in, one token per line

Only the standard library: the machine has python3 but the benchmark installs nothing for it.
"""
import json
import sys
import urllib.request

BATCH = 10_000  # the sandbox's limit per call


def post(url, document):
    request = urllib.request.Request(url, data=json.dumps(document).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def mint(sandbox, count, users, prefix="bench"):
    codes = []
    while len(codes) < count:
        names = [f"{prefix}-{(len(codes) + i) % users}" for i in range(min(BATCH, count - len(codes)))]
        codes += post(sandbox + "/sandbox/codes", {"users": names})["codes"]
    return codes


def main(argv):
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
