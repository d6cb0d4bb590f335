"""pyHanko's validation of a PAdES B-LT signature (ETSI EN 319 102-1, 5.5: "signatures with
time and with long-term validation material") of the last signature of a PDF, offline: the CA
file given is the only trust anchor, nothing is fetched, and the revocation data and
certificates come from the file's Document Security Store alone.

pyHanko 0.38's command line no longer has `sign validate --ltv-profile`; this is the same
validation through its API (the step its own LTA validation runs first, the DSS read the same
way), without the archival step, which needs document timestamps B-LT does not have. Prints `INDICATION/SUB_INDICATION` (e.g. `PASSED/-`) and exits 0
only on PASSED.

    python3 pyhanko_ltv.py ca.pem copy.pdf
"""
import asyncio
import sys

from asn1crypto import pem, x509
from pyhanko.pdf_utils.reader import PdfFileReader
import dataclasses

from pyhanko.sign.validation.ades import (
    _dss_to_local_knowledge,
    ades_with_time_validation,
)
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko.sign.validation.policy_decl import (
    CertificateFetchingRule,
    RevinfoOnlineFetchingRule,
    RevocationInfoGatheringSpec,
    SignatureValidationSpec,
)
from pyhanko_certvalidator.authority import CertTrustAnchor
from pyhanko_certvalidator.context import CertValidationPolicySpec
from pyhanko_certvalidator.policy_decl import (
    CertRevTrustPolicy,
    RevocationCheckingPolicy,
    RevocationCheckingRule,
)
from pyhanko_certvalidator.registry import SimpleTrustManager


def anchors(path):
    with open(path, "rb") as f:
        data = f.read()
    if pem.detect(data):
        return [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True)]
    return [x509.Certificate.load(data)]


async def main(ca, pdf):
    trust = SimpleTrustManager.build(
        trust_roots=[CertTrustAnchor(c) for c in anchors(ca)]
    )
    revinfo = CertRevTrustPolicy(
        RevocationCheckingPolicy(
            ee_certificate_rule=RevocationCheckingRule.CHECK_IF_DECLARED,
            intermediate_ca_cert_rule=RevocationCheckingRule.CHECK_IF_DECLARED,
        )
    )
    policy = CertValidationPolicySpec(trust_manager=trust, revinfo_policy=revinfo)
    spec = SignatureValidationSpec(
        cert_validation_policy=policy,
        revinfo_gathering_policy=RevocationInfoGatheringSpec(
            online_fetching_rule=RevinfoOnlineFetchingRule.LOCAL_ONLY,
            certificate_fetching_rule=CertificateFetchingRule.NEVER_FETCH,
        ),
    )
    with open(pdf, "rb") as f:
        reader = PdfFileReader(f)
        sig = reader.embedded_signatures[-1]
        spec = dataclasses.replace(spec, local_knowledge=_dss_to_local_knowledge(reader))
        sig.compute_integrity_info()
        result = await ades_with_time_validation(
            signed_data=sig.signed_data,
            validation_spec=spec,
            raw_digest=sig.compute_digest(),
            extra_status_kwargs=sig.summarise_integrity_info(),
            status_cls=PdfSignatureStatus,
        )
    indication = result.ades_subindic.status.name
    sub = "-" if indication == "PASSED" else result.ades_subindic.name
    print(f"{indication}/{sub}")
    return 0 if indication == "PASSED" else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2])))
