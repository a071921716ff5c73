# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.cae_base.tests.query_count import QueryCountMixin

from .common import CaeGovernanceCommon

# What validating 20 subscriptions may cost more than validating 2: the
# ORM's batches of inserts and updates, not a query per subscription.
EXTRA_READS = 5
EXTRA_WRITES = 10
# Odoo's own, per subscription: tracking messages (status, associate
# number) and, per entry, what posting it reads.
TRACKING_WRITES = 6
POSTING_READS = 4


class TestBatchValidation(QueryCountMixin, CaeGovernanceCommon):
    """Many subscriptions validated at once (issue 16: an existing register
    imported, bulk validation): the register ends exactly as if they were
    validated one after another, at a cost that does not grow with their
    number (tests/benchmarks/bench_share_scale.py measures 1,000)."""

    def _drafts(self, count, tag, on=date(2025, 1, 15)):
        partners = self.env["res.partner"].create(
            [{"name": f"Associé {tag} {index:02d}"} for index in range(count)]
        )
        associates = self.Associate.create(
            [{"partner_id": p.id, "company_id": self.company.id} for p in partners]
        )
        return self.Operation.union(
            *(
                self._subscription(associate, 1 + index % 3, on, self.class_b)
                for index, associate in enumerate(associates)
            )
        )

    def _register(self):
        return self.env["cae.share.register"]._get_for_company(self.company)

    def test_same_register_as_one_by_one(self):
        """Martin subscribes twice, Scop once, in one validation: numbers
        follow the dates (each subscription, then its payment), associate
        numbers the first subscription of each, and Martin's second
        subscription counts the shares of his first."""
        first = self._subscription(self.assoc_martin, 1, date(2025, 2, 1), self.class_b)
        second = self._subscription(
            self.assoc_martin, 2, date(2025, 3, 1), self.class_b
        )
        scop = self._subscription(self.assoc_scop, 3, date(2025, 2, 15), self.class_b)
        (second | scop | first).action_validate()
        self.assertEqual(
            [
                (op.number, op.operation_type, op.associate_id.name)
                for op in (
                    first
                    | first.release_ids
                    | scop
                    | scop.release_ids
                    | second
                    | second.release_ids
                )
            ],
            [
                (1, "subscription", "Martin Externe"),
                (2, "release", "Martin Externe"),
                (3, "subscription", "Scop Partenaire"),
                (4, "release", "Scop Partenaire"),
                (5, "subscription", "Martin Externe"),
                (6, "release", "Martin Externe"),
            ],
        )
        self.assertEqual((self.assoc_martin.number, self.assoc_scop.number), (1, 2))
        self.assertRecordValues(
            self.assoc_martin,
            [{"share_count": 3, "amount_subscribed": 300.0, "amount_paid": 75.0}],
        )
        register = self._register()
        self.assertEqual((register.next_number, register.next_associate_number), (7, 3))
        # Each entry created in the order of one validation after another.
        moves = (first | scop | second | (first | scop | second).release_ids).move_ids
        self.assertEqual(
            moves.sorted("id").mapped("ref"),
            [
                "Subscription 00001 - Martin Externe",
                "Call of capital 00001 - Martin Externe",
                "Release 00002 - Martin Externe",
                "Subscription 00003 - Scop Partenaire",
                "Call of capital 00003 - Scop Partenaire",
                "Release 00004 - Scop Partenaire",
                "Subscription 00005 - Martin Externe",
                "Call of capital 00005 - Martin Externe",
                "Release 00006 - Martin Externe",
            ],
        )
        self.assertEqual(set(moves.mapped("state")), {"posted"})
        chatter = "".join(second.message_ids.mapped("body"))
        self.assertIn("Registered under number 00005", chatter)
        self.assertIn(
            "Registered under number 00006",
            "".join(second.release_ids.message_ids.mapped("body")),
        )

    def test_batch_checks_each_against_those_before(self):
        """Class A needs 4 shares per associate: Alice's 2 shares are refused
        alone, accepted after her 4 of the same validation."""
        lone = self._subscription(self.assoc_alice, 2, date(2025, 3, 10))
        with self.assertRaisesRegex(UserError, "below the minimum of 4"):
            lone.action_validate()
        first = self._subscription(self.assoc_alice, 4, date(2025, 3, 1))
        (lone | first).action_validate()
        self.assertEqual((first.number, lone.number), (1, 3))
        self.assertEqual(self.assoc_alice.share_count, 6)
        # Her path moved once, with her first subscription.
        self.assertEqual(self.alice.stage, "associate")
        self.assertEqual(self.alice.associate_date, date(2025, 3, 1))

    def test_one_refused_nothing_written(self):
        """A subscription of the batch breaks a rule: the error names it and
        none of the batch is registered."""
        drafts = self._drafts(3, "ok")
        wrong = self._subscription(self.assoc_bob, 4, date(2025, 1, 20), self.class_b)
        with self.assertRaisesRegex(UserError, "cannot be held by"):
            (drafts | wrong).action_validate()
        self.assertEqual(set((drafts | wrong).mapped("state")), {"draft"})
        self.assertFalse((drafts | wrong).release_ids)
        self.assertFalse(
            self.env["cae.share.line"].search_count(
                [("company_id", "=", self.company.id)]
            )
        )
        self.assertEqual(self._register().next_number, 1)
        self.assertFalse((drafts | wrong).associate_id.filtered("number"))

    def _count_validation(self, label):
        """``(reads, writes)`` of validating 2 then 20 subscriptions."""
        self._drafts(1, f"{label} warm").action_validate()
        small_drafts = self._drafts(2, f"{label} s")
        large_drafts = self._drafts(20, f"{label} l")
        small = self._count_queries(small_drafts.action_validate)
        large = self._count_queries(large_drafts.action_validate)
        self.assertEqual(set(large_drafts.mapped("state")), {"done"})
        self.assertEqual(len(large_drafts.release_ids.filtered("number")), 20)
        return small, large, large_drafts

    def test_queries_do_not_grow(self):
        """The register alone (books kept elsewhere, as for an import):
        validating 20 subscriptions reads what validating 2 reads; the
        writes grow by the chatter's tracking only (the status of each
        subscription and payment, the number of each associate: one
        message each, Odoo's tracking)."""
        self.company.cae_capital_accounting = False
        small, large, drafts = self._count_validation("reg")
        self.assertFalse(drafts.move_ids)
        _result, small_reads, small_writes = small
        _result, large_reads, large_writes = large
        self.assertLessEqual(
            large_reads,
            small_reads + EXTRA_READS,
            f"reads grow with the subscriptions ({small_reads} then "
            f"{large_reads}):\n" + "\n".join(self._last_reads),
        )
        self.assertLessEqual(
            large_writes,
            small_writes + EXTRA_WRITES + 18 * TRACKING_WRITES,
            f"writes grow with the subscriptions ({small_writes} then "
            f"{large_writes})",
        )

    def test_queries_with_entries(self):
        """With their entries (3 per subscription), what grows is Odoo's
        posting of each entry (its sequence number, its balance, the
        fiscal country of its company): at most ``POSTING_READS`` reads
        per entry more."""
        small, large, drafts = self._count_validation("acc")
        self.assertEqual(len(drafts.move_ids | drafts.release_ids.move_ids), 60)
        _result, small_reads, _small_writes = small
        _result, large_reads, _large_writes = large
        self.assertLessEqual(
            large_reads,
            small_reads + EXTRA_READS + 18 * 3 * POSTING_READS,
            f"reads grow with the subscriptions ({small_reads} then "
            f"{large_reads}):\n" + "\n".join(self._last_reads),
        )
