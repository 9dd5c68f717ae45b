"""Put on PYTHONPATH of a moto server: AWS lets a member account be IAM
Identity Center's delegated administrator (sso.amazonaws.com), which moto
5.2 refuses as an unrecognized service principal."""
from moto.organizations.models import FakeDelegatedAdministrator

if "sso.amazonaws.com" not in FakeDelegatedAdministrator.SUPPORTED_SERVICES:
    FakeDelegatedAdministrator.SUPPORTED_SERVICES.append("sso.amazonaws.com")
