"""A second reference service, in Python: Flask and Authlib (Debian's python3-flask,
python3-authlib, python3-jwcrypto, python3-requests), configured only as FranceConnect's
documentation tells integrators: the discovery URL, the client_id and secret from the
partner space, the redirect URIs, acr_values=eidas1, the scopes, a state and a nonce,
and session/end with id_token_hint to log out.

    FC_DISCOVERY_URL=http://127.0.0.1:3001/api/v2/.well-known/openid-configuration \\
    FC_CLIENT_ID=... FC_CLIENT_SECRET=... [FC_SIGNING_ALG=RS256] PORT=3002 \\
      /usr/bin/python3 examples/service-python/app.py

Its callback is SERVICE_URL/auth/franceconnect/callback and its logout callback
SERVICE_URL/auth/franceconnect/logout/callback: register both. Its pages: /connexion and
/inscription (the FranceConnect block), /profil (the pivot identity locked, the e-mail and
nom d'usage editable) and account deletion there; accounts are kept in memory, by `sub`.

An agents' space at /agents logs civil servants in with ProConnect when PC_DISCOVERY_URL,
PC_CLIENT_ID and PC_CLIENT_SECRET (and PC_SIGNING_ALG) are set, as ProConnect's partner
documentation tells integrators (proconnect-gouv/proconnect-espace-partenaires,
src/pages/docs/fournisseur-service/implementation_technique.md): the level required through
`claims` and checked in the ID token, a state and a nonce of 32 characters, the agent's
given_name and usual_name on every page, session/end to log out. Its callbacks:
SERVICE_URL/agents/auth/callback and SERVICE_URL/agents/auth/logout/callback. Either
provider may be configured alone (`franceconnect-rehearse --provider proconnect` gives the
PC_ variables only).

SERVICE_FAULTS (comma-separated) breaks it on purpose, to prove the checks catch it:
authlib-nonce leaves the nonce to Authlib (20 characters, which FranceConnect v2 refuses);
pc-authlib-defaults leaves the agents' space's state and nonce to Authlib (30 and 20
characters, where ProConnect documents 32 at least).
"""

import base64
import json
import os
import secrets
from html import escape
from pathlib import Path
from urllib.parse import urlencode

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.flask_client import OAuth
from authlib.jose import JsonWebKey, jwt
from flask import Flask, redirect, request, session

PORT = int(os.environ.get("PORT", "3002"))
SERVICE_URL = os.environ.get("SERVICE_URL", f"http://127.0.0.1:{PORT}")
DISCOVERY_URL = os.environ.get("FC_DISCOVERY_URL")
PC_DISCOVERY_URL = os.environ.get("PC_DISCOVERY_URL")
if not DISCOVERY_URL and not PC_DISCOVERY_URL:
    raise SystemExit("Set FC_DISCOVERY_URL, FC_CLIENT_ID and FC_CLIENT_SECRET (FranceConnect), or PC_DISCOVERY_URL, PC_CLIENT_ID and PC_CLIENT_SECRET (ProConnect, for /agents), or both.")
SIGNING_ALG = os.environ.get("FC_SIGNING_ALG", "ES256")
if SIGNING_ALG not in ("ES256", "RS256"):
    raise SystemExit(f'FC_SIGNING_ALG "{SIGNING_ALG}" is not one FranceConnect offers (ES256 or RS256)')
# ProConnect offers RS256, ES256 and HS256 (implementation_technique.md 2.3.4); this space
# verifies signatures against ProConnect's published keys, which HS256 has none of.
PC_SIGNING_ALG = os.environ.get("PC_SIGNING_ALG", "ES256")
if PC_SIGNING_ALG not in ("ES256", "RS256"):
    raise SystemExit(f'PC_SIGNING_ALG "{PC_SIGNING_ALG}" is not one this agents\' space verifies (ES256 or RS256)')

# Rule 17: the pivot identity, and the two claims the person may change.
SCOPES = "openid given_name family_name birthdate gender birthplace birthcountry email preferred_username"
# Rule 19: eidas1 on every authorize; the level reached must be eidas1 or stronger.
ACR_VALUES = "eidas1"
ACCEPTED_ACR = {"eidas1", "eidas2", "eidas3"}
# The six claims FranceConnect vouches for (rule 15): the person cannot change them here.
PIVOT = ("given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry")
PIVOT_LABELS = {
    "family_name": "Nom de naissance",
    "given_name": "Prénoms",
    "birthdate": "Date de naissance",
    "gender": "Sexe",
    "birthplace": "Ville de naissance (code COG)",
    "birthcountry": "Pays de naissance (code COG)",
}
# What the agents' space shows and keeps (scope-claims.md), and the levels it requires
# through `claims`, the only way ProConnect enforces one (niveaux-acr.md, niveaux-eidas.md).
PC_SCOPES = "openid given_name usual_name email uid siret organization_label idp_id"
PC_ACR = ("eidas1", "eidas2", "eidas3")
PC_CLAIMS = json.dumps({"id_token": {"acr": {"essential": True, "values": list(PC_ACR)}}})
PC_REDIRECT_URI = f"{SERVICE_URL}/agents/auth/callback"
PC_POST_LOGOUT_REDIRECT_URI = f"{SERVICE_URL}/agents/auth/logout/callback"
REDIRECT_URI = f"{SERVICE_URL}/auth/franceconnect/callback"
POST_LOGOUT_REDIRECT_URI = f"{SERVICE_URL}/auth/franceconnect/logout/callback"
# The package's published file, when built: the same <fc-button> as the Node service.
ELEMENTS = Path(__file__).resolve().parent.parent.parent / "dist" / "cdn" / "franceconnect-elements.js"

FAULTS = {
    "authlib-nonce": "the nonce left to Authlib, 20 characters (rule 20)",
    "pc-authlib-defaults": "the agents' space leaves state and nonce to Authlib: 30 and 20 characters, where ProConnect documents 32 at least (pc-state)",
}
ACTIVE_FAULTS = {name.strip() for name in os.environ.get("SERVICE_FAULTS", "").split(",") if name.strip()}
for unknown in sorted(ACTIVE_FAULTS - FAULTS.keys()):
    raise SystemExit(f"SERVICE_FAULTS: « {unknown} » is not a fault this service knows ({', '.join(FAULTS)}).")

app = Flask(__name__)
app.secret_key = secrets.token_bytes(32)
app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")

oauth = OAuth(app)
franceconnect = (
    oauth.register(
        "franceconnect",
        server_metadata_url=DISCOVERY_URL,
        client_id=os.environ["FC_CLIENT_ID"],
        client_secret=os.environ["FC_CLIENT_SECRET"],
        # FranceConnect v2 takes client_secret_post (or private_key_jwt), not HTTP Basic.
        client_kwargs={"scope": SCOPES, "token_endpoint_auth_method": "client_secret_post"},
    )
    if DISCOVERY_URL
    else None
)
proconnect = (
    oauth.register(
        "proconnect",
        server_metadata_url=PC_DISCOVERY_URL,
        client_id=os.environ["PC_CLIENT_ID"],
        client_secret=os.environ["PC_CLIENT_SECRET"],
        client_kwargs={"scope": PC_SCOPES, "token_endpoint_auth_method": "client_secret_post"},
    )
    if PC_DISCOVERY_URL
    else None
)


def random_token():
    """Rule 20: 32 characters of [A-Za-z0-9]. Authlib's own nonce has 20, which v2 refuses (Y030007)."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(secrets.choice(alphabet) for _ in range(32))


# The service's accounts, by FranceConnect `sub`; the browser's session holds the `sub` only.
ACCOUNTS = {}


def current_account():
    return ACCOUNTS.get(session.get("sub", ""))


def header():
    """Rule 14: on every page, the person's first names and name, the profile, the logout."""
    account = current_account()
    if not account:
        return '<a href="/connexion">Se connecter</a> <a href="/inscription">Créer un compte</a>'
    name = f"{account['given_name']} {account['preferred_username'] or account['family_name']}"
    return f"""<p class="who">Connecté(e) : <a href="/profil">{escape(name)}</a></p>
        <form method="post" action="/auth/franceconnect/logout"><button type="submit">Se déconnecter</button></form>"""


def page(title, body, status=200, space=("Service Python", "Service Python", "/", "Compte"), nav=None):
    """
    The layout of every page. `space`: the title's site name, the home link's text and
    address, the account navigation's label (the agents' space has its own, and its `nav`).
    """
    site, home_text, home, nav_label = space
    nav = header() if nav is None else nav
    script = '<script type="module" src="/assets/franceconnect-elements.js"></script>' if ELEMENTS.exists() else ""
    html = f"""<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{escape(title)} – {escape(site)}</title>
    {script}
  </head>
  <body>
    <header>
      <a href="{home}">{escape(home_text)}</a>
      <nav aria-label="{nav_label}">{nav}</nav>
    </header>
    <main>
{flash_block()}
{body}
    </main>
  </body>
</html>"""
    return html, status, {"content-type": "text/html; charset=utf-8", "cache-control": "no-store"}


def flash_block():
    text = session.pop("flash", None)
    return f'<p class="flash" role="status">{escape(text)}</p>' if text else ""


@app.get("/assets/franceconnect-elements.js")
@app.get("/assets/franceconnect-elements-account.js")
@app.get("/assets/franceconnect-elements-proconnect-logo.js")
def elements():
    # The CDN file, and the ones it loads from beside itself: on the pages with
    # <fc-account> or <fc-profile-form>, and ProConnect's logo on a page with a ProConnect
    # button. The files keep their names, side by side.
    name = request.path.rsplit("/", 1)[-1]
    return (ELEMENTS.parent / name).read_text(encoding="utf-8"), 200, {"content-type": "text/javascript; charset=utf-8"}


@app.get("/")
def home():
    account = current_account()
    if account:
        rows = "\n".join(
            f"<tr><th scope=\"row\">{escape(key)}</th><td>{escape(json.dumps(value, ensure_ascii=False))}</td></tr>"
            for key, value in account["claims"].items()
        )
        body = f"""      <h1>Bonjour {escape(account["given_name"])} {escape(account["family_name"])}</h1>
      <table><caption>Ce que FranceConnect a transmis</caption>{rows}</table>"""
    else:
        body = """      <h1>Service Python</h1>
      <p><a href="/connexion">Se connecter</a> ou <a href="/inscription">créer un compte</a> avec FranceConnect.</p>"""
    return page("Accueil", body)


def login_block(section):
    """/connexion and /inscription: the FranceConnect block, with its sentence and its link."""
    return f"""      <fc-login-block section="{section}" href="/auth/franceconnect/login"></fc-login-block>
      <noscript><a href="/auth/franceconnect/login">S’identifier avec FranceConnect</a></noscript>"""


@app.get("/connexion")
def login_page():
    return page("Connexion", f"      <h1>Connexion</h1>\n{login_block('connexion')}")


@app.get("/inscription")
def signup_page():
    return page("Inscription", f"      <h1>Créer un compte</h1>\n{login_block('inscription')}")


@app.get("/profil")
def profile():
    account = current_account()
    if not account:
        return redirect("/connexion", 303)
    locked = "\n".join(
        f"""        <p><label for="{claim}">{label}</label>
          <input id="{claim}" value="{escape(account[claim])}" readonly /></p>"""
        for claim, label in PIVOT_LABELS.items()
    )
    body = f"""      <h1>Mon profil</h1>
      <form method="post" action="/profil">
        <fieldset>
          <legend>Identité transmise par FranceConnect (non modifiable)</legend>
{locked}
        </fieldset>
        <p><label for="preferred_username">Nom d’usage</label>
          <input id="preferred_username" name="preferred_username" value="{escape(account["preferred_username"])}" maxlength="256" /></p>
        <p><label for="email">Email</label>
          <input id="email" name="email" type="email" value="{escape(account["email"])}" maxlength="254" required /></p>
        <p><button type="submit">Enregistrer</button></p>
      </form>
      <form method="post" action="/compte/supprimer">
        <p><button type="submit">Supprimer mon compte</button></p>
      </form>"""
    return page("Mon profil", body)


@app.post("/profil")
def save_profile():
    # Rules 15 and 16: only the nom d'usage and the e-mail come from the form.
    account = current_account()
    if not account or request.headers.get("origin") not in (None, SERVICE_URL):
        return redirect("/connexion", 303)
    email = request.form.get("email", "").strip()[:254]
    if "@" not in email:
        session["flash"] = "L’adresse électronique n’est pas valide : rien n’a été enregistré."
        return redirect("/profil", 303)
    account["email"] = email
    account["preferred_username"] = request.form.get("preferred_username", "").strip()[:256]
    session["flash"] = "Vos modifications sont enregistrées."
    return redirect("/profil", 303)


@app.post("/compte/supprimer")
def delete_account():
    # Rule 12: deleting the account ends the FranceConnect session too.
    account = current_account()
    if not account or request.headers.get("origin") not in (None, SERVICE_URL):
        return redirect("/", 303)
    del ACCOUNTS[account["sub"]]
    session["flash"] = "Votre compte est supprimé, et vous êtes déconnecté(e) de FranceConnect."
    return end_session(session.get("id_token"))


@app.get("/auth/franceconnect/login")
def login():
    if not franceconnect:
        session["flash"] = "FranceConnect n’est pas configuré sur ce service : donnez-lui FC_DISCOVERY_URL, FC_CLIENT_ID et FC_CLIENT_SECRET."
        return redirect("/", 303)
    # Rules 19 and 20: eidas1, and a fresh state and nonce that Authlib keeps in the session.
    if "authlib-nonce" in ACTIVE_FAULTS:
        return franceconnect.authorize_redirect(REDIRECT_URI, acr_values=ACR_VALUES, state=random_token())
    return franceconnect.authorize_redirect(REDIRECT_URI, acr_values=ACR_VALUES, state=random_token(), nonce=random_token())


def verified_userinfo(access_token, sub, provider=None, signing_alg=SIGNING_ALG):
    """FranceConnect (and ProConnect) answer userinfo with a signed JWT: check it against the published keys."""
    provider = provider or franceconnect
    metadata = provider.load_server_metadata()
    response = requests.get(metadata["userinfo_endpoint"], headers={"authorization": f"Bearer {access_token}"}, timeout=10)
    response.raise_for_status()
    if not response.headers.get("content-type", "").startswith("application/jwt"):
        raise ValueError("userinfo is not a JWT")
    keys = JsonWebKey.import_key_set(requests.get(metadata["jwks_uri"], timeout=10).json())
    claims = jwt.decode(
        response.text,
        keys,
        claims_options={"iss": {"essential": True, "value": metadata["issuer"]}, "aud": {"essential": True, "value": provider.client_id}},
    )
    claims.validate()
    if claims.header.get("alg") != signing_alg:
        raise ValueError(f"userinfo signed {claims.header.get('alg')}, not {signing_alg}")
    if claims["sub"] != sub:
        raise ValueError("userinfo is for someone else")
    return {key: value for key, value in claims.items() if key not in ("iss", "aud", "exp", "iat")}


@app.get("/auth/franceconnect/callback")
def callback():
    if not franceconnect:
        return redirect("/", 303)
    metadata = franceconnect.load_server_metadata()
    # RFC 9207, which v2 sends: the answer comes from this FranceConnect.
    if request.args.get("iss") not in (None, metadata["issuer"]):
        return failed("wrong iss")
    error = request.args.get("error")
    if error:
        # Only an answer to one of our own attempts counts (Authlib keeps each state in the session).
        state = request.args.get("state", "")
        if not session.get(f"_state_franceconnect_{state}"):
            return failed(f"{error} with an unknown state")
        session.pop(f"_state_franceconnect_{state}", None)
        if error == "access_denied":
            # « Revenir sur … » at FranceConnect.
            session["flash"] = "Vous avez interrompu la connexion avec FranceConnect. Vous pouvez réessayer, ou vous connecter autrement."
            app.logger.warning("FranceConnect callback: %s", error)
            return redirect("/", 303)
        return failed(error)
    try:
        # Authlib checks the state, redeems the code, and checks the ID token's signature, iss, aud, exp and nonce.
        token = franceconnect.authorize_access_token()
    except (AuthlibBaseError, KeyError, ValueError, requests.RequestException) as exc:
        # A check after the code was redeemed (a wrong nonce, a bad signature) fails with the
        # token already there: its ID token ends FranceConnect's session (rule 20).
        id_token = (franceconnect.token or {}).get("id_token")
        if id_token:
            app.logger.warning("FranceConnect callback refused: %s: %s", type(exc).__name__, exc)
            session["flash"] = "La connexion avec FranceConnect n’a pas abouti. Par sécurité, vous avez aussi été déconnecté(e) de FranceConnect."
            return end_session(id_token)
        return failed(f"{type(exc).__name__}: {exc}")
    id_token = token.get("id_token")
    claims = token.get("userinfo") or {}
    try:
        alg = json.loads(base64.urlsafe_b64decode(id_token.split(".")[0] + "==")).get("alg")
        if alg != SIGNING_ALG:
            raise ValueError(f"ID token signed {alg}, not {SIGNING_ALG}")
        if claims.get("acr") not in ACCEPTED_ACR:
            raise ValueError(f"unexpected acr {claims.get('acr')}")
        identity = verified_userinfo(token["access_token"], claims["sub"])
    except (ValueError, KeyError, requests.RequestException) as exc:
        # Rule 20: an ID token came, so FranceConnect's session is ended with it.
        app.logger.warning("FranceConnect callback refused: %s", exc)
        session["flash"] = "La connexion avec FranceConnect n’a pas abouti. Par sécurité, vous avez aussi été déconnecté(e) de FranceConnect."
        return end_session(id_token)
    existing = ACCOUNTS.get(identity["sub"])
    pivot = {claim: str(identity.get(claim, "")) for claim in PIVOT}
    session["sub"] = identity["sub"]
    session["id_token"] = id_token
    if existing:
        # Rule 8: logging in; FranceConnect is the authority on the pivot identity.
        existing.update(pivot, claims=identity)
        session["flash"] = "Vous êtes connecté(e) avec FranceConnect."
        return redirect("/", 303)
    # Rule 10: signing up, a local account made from the FranceConnect identity.
    ACCOUNTS[identity["sub"]] = {
        "sub": identity["sub"],
        **pivot,
        "preferred_username": str(identity.get("preferred_username", "")),
        "email": str(identity.get("email", "")),
        "claims": identity,
    }
    session["flash"] = "Votre compte a été créé avec FranceConnect. Vérifiez vos informations."
    return redirect("/profil", 303)


def failed(reason):
    """No ID token: nothing for session/end (v2 refuses it without id_token_hint); home with a message."""
    app.logger.warning("FranceConnect callback refused: %s", reason)
    session["flash"] = "La connexion avec FranceConnect n’a pas abouti. Vous pouvez réessayer."
    return redirect("/", 303)


def end_session(id_token, provider=None, post_logout_redirect_uri=POST_LOGOUT_REDIRECT_URI, keys=("sub", "id_token"), state_key="logout_state"):
    """
    Ends the local session (its `keys`) and the provider's: session/end with id_token_hint, a
    state kept under `state_key`, and post_logout_redirect_uri. FranceConnect's by default;
    the agents' space passes ProConnect's (implementation_technique.md 2.4.1).
    """
    provider = provider or franceconnect
    state = random_token()
    for key in keys:
        session.pop(key, None)
    session[state_key] = state
    metadata = provider.load_server_metadata()
    query = urlencode({"id_token_hint": id_token, "state": state, "post_logout_redirect_uri": post_logout_redirect_uri})
    return redirect(f"{metadata['end_session_endpoint']}?{query}", 303)


def logged_out(state_key, home):
    """The provider's way back after session/end: the state must be the one sent, else a plain message."""
    expected = session.pop(state_key, None)
    if not expected or request.args.get("state") != expected:
        session["flash"] = "Vous êtes déconnecté(e)."
    return redirect(home, 303)


@app.post("/auth/franceconnect/logout")
def logout():
    # Rule 9: logging out here ends the FranceConnect session too.
    id_token = session.get("id_token")
    if not id_token or request.headers.get("origin") not in (None, SERVICE_URL):
        return redirect("/", 303)
    session["flash"] = "Vous êtes déconnecté(e) du service et de FranceConnect."
    return end_session(id_token)


@app.get("/auth/franceconnect/logout/callback")
def logout_callback():
    return logged_out("logout_state", "/")


# The agents' space, with ProConnect: its own session keys (agent, pc_id_token), its own pages.


def current_agent():
    return session.get("agent")


def agents_page(title, body):
    """Every page of the agents' space names the agent (given_name and usual_name) in its header, without a click."""
    agent = current_agent()
    who = ""
    if agent:
        who = f"""<p class="who">Agent connecté(e) : {escape(agent["given_name"])} {escape(agent["usual_name"])}{f" ({escape(agent['organization_label'])})" if agent.get("organization_label") else ""}</p>
        <form method="post" action="/agents/auth/logout"><button type="submit">Se déconnecter</button></form>"""
    return page(title, body, space=("Espace agents du service Python", "Espace agents", "/agents", "Compte agent"), nav=who)


@app.get("/agents")
def agents_home():
    if current_agent():
        return agents_page("Espace agents", "      <h1>Espace agents</h1>\n      <p>Vous êtes connecté(e) avec ProConnect.</p>")
    if not proconnect:
        return agents_page("Espace agents", "      <h1>Espace agents</h1>\n      <p>L’espace agents n’est pas configuré : donnez à ce service PC_DISCOVERY_URL, PC_CLIENT_ID et PC_CLIENT_SECRET.</p>")
    # ProConnect first and alone (« ProConnect en priorité »): the block, its button and its link.
    return agents_page(
        "Connexion",
        """      <h1>Espace agents</h1>
      <fc-login-block provider="proconnect" href="/agents/auth/login"></fc-login-block>
      <noscript><a href="/agents/auth/login">S’identifier avec ProConnect</a></noscript>""",
    )


@app.get("/agents/auth/login")
def agents_login():
    if not proconnect:
        return redirect("/agents", 303)
    # State and nonce of 32 characters (« minimum 32 caractères », implementation_technique.md
    # 2.2.1.2), the level through claims, never acr_values, which ProConnect does not enforce.
    if "pc-authlib-defaults" in ACTIVE_FAULTS:
        return proconnect.authorize_redirect(PC_REDIRECT_URI, claims=PC_CLAIMS)
    return proconnect.authorize_redirect(PC_REDIRECT_URI, claims=PC_CLAIMS, state=random_token(), nonce=random_token())


@app.get("/agents/auth/callback")
def agents_callback():
    if not proconnect:
        return redirect("/agents", 303)
    metadata = proconnect.load_server_metadata()
    if request.args.get("iss") not in (None, metadata["issuer"]):
        return agents_failed("wrong iss")
    error = request.args.get("error")
    if error:
        state = request.args.get("state", "")
        if not session.get(f"_state_proconnect_{state}"):
            return agents_failed(f"{error} with an unknown state")
        session.pop(f"_state_proconnect_{state}", None)
        return agents_failed(error)
    try:
        # Authlib checks the state, redeems the code, and checks the ID token's signature, iss, aud, exp and nonce.
        token = proconnect.authorize_access_token()
    except (AuthlibBaseError, KeyError, ValueError, requests.RequestException) as exc:
        id_token = (proconnect.token or {}).get("id_token")
        if id_token:
            return agents_refused(id_token, f"{type(exc).__name__}: {exc}")
        return agents_failed(f"{type(exc).__name__}: {exc}")
    id_token = token.get("id_token")
    claims = token.get("userinfo") or {}
    try:
        # The level reached, from the signed ID token: one of those required (niveaux-acr.md).
        if claims.get("acr") not in PC_ACR:
            raise ValueError(f"unexpected acr {claims.get('acr')}")
        identity = verified_userinfo(token["access_token"], claims["sub"], proconnect, PC_SIGNING_ALG)
    except (ValueError, KeyError, requests.RequestException) as exc:
        return agents_refused(id_token, str(exc))
    session["agent"] = {claim: str(identity.get(claim, "")) for claim in ("sub", "given_name", "usual_name", "email", "uid", "siret", "organization_label", "idp_id")}
    session["pc_id_token"] = id_token
    session["flash"] = "Vous êtes connecté(e) avec ProConnect."
    return redirect("/agents", 303)


def agents_failed(reason):
    """No ID token: nothing for session/end; the agents' page with a message."""
    app.logger.warning("ProConnect callback refused: %s", reason)
    session["flash"] = "La connexion avec ProConnect n’a pas abouti. Vous pouvez réessayer."
    return redirect("/agents", 303)


def agents_refused(id_token, reason):
    """An ID token came but is refused: ProConnect's session is ended with it."""
    app.logger.warning("ProConnect callback refused: %s", reason)
    session["flash"] = "La connexion avec ProConnect n’a pas abouti. Par sécurité, vous avez aussi été déconnecté(e) de ProConnect."
    return agents_end_session(id_token)


def agents_end_session(id_token):
    return end_session(id_token, proconnect, PC_POST_LOGOUT_REDIRECT_URI, keys=("agent", "pc_id_token"), state_key="pc_logout_state")


@app.post("/agents/auth/logout")
def agents_logout():
    # Logging out of the agents' space ends the ProConnect session too (implementation_technique.md 2.4).
    id_token = session.get("pc_id_token")
    if not id_token or request.headers.get("origin") not in (None, SERVICE_URL):
        return redirect("/agents", 303)
    session["flash"] = "Vous êtes déconnecté(e) de l’espace agents et de ProConnect."
    return agents_end_session(id_token)


@app.get("/agents/auth/logout/callback")
def agents_logout_callback():
    # ProConnect's way back after session/end: the state must be the one sent (2.4.3).
    return logged_out("pc_logout_state", "/agents")


if __name__ == "__main__":
    print(f"Python service: {SERVICE_URL}/", flush=True)
    app.run(host="127.0.0.1", port=PORT, debug=False, use_reloader=False)
