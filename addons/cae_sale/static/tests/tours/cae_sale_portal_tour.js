/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";
import {waitUntil} from "@odoo/hoot-dom";

// Shared CI machines are slow: each step may wait 30 s for the server.
const patient = (steps) => steps.map((step) => ({timeout: 30000, ...step}));

// The journey of a quotation on the portal, in French (test_portal_sale.py
// runs the tours in turn): the entrepreneur creates her customer and the
// quotation, previews it and sends it for signature; the customer signs it
// through the link of the email; the entrepreneur invoices it and submits
// the invoice; once the accountant has posted it and the payment came, she
// sends it and sees it paid.

registry.category("web_tour.tours").add("cae_sale_portal_quote_tour", {
    steps: () =>
        patient([
            {
                content: "From her activity, she opens her customers",
                trigger: "a[name='cae_customers']:contains('Clients')",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "A new customer",
                trigger: "a[name='cae_new_customer']:contains('Nouveau client')",
                run: "click",
                expectUnloadPage: true,
            },
            {
                trigger: "input[name='name']",
                run: "edit Atelier Lumière",
            },
            {
                trigger: "input[name='email']",
                run: "edit contact@atelier-lumiere.example",
            },
            {
                trigger: "input[name='city']",
                run: "edit Bayonne",
            },
            {
                content: "She saves the customer",
                trigger: "button[name='cae_save_customer']:contains('Enregistrer')",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "The customer is listed",
                trigger: "table[name='cae_customers'] td:contains('Atelier Lumière')",
            },
            {
                content: "Back to her activity",
                trigger: ".breadcrumb a:contains('Mon activité')",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Her quotations",
                trigger: "a[name='cae_quotes']:contains('Devis et factures')",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "A new quotation",
                trigger: "a[name='cae_new_quote']:contains('Nouveau devis')",
                run: "click",
                expectUnloadPage: true,
            },
            {
                trigger: "select[name='partner_id']",
                run: "selectByLabel Atelier Lumière",
            },
            {
                trigger: "select#cae_line_product_0",
                run: "selectByLabel Reportage photo",
            },
            {
                trigger: "input#cae_line_name_0",
                run: "edit Reportage d'une journée",
            },
            {
                trigger: "input#cae_line_quantity_0",
                run: "edit 2",
            },
            {
                trigger: "input#cae_line_price_0",
                run: "edit 450,00",
            },
            {
                trigger: "input#cae_line_discount_0",
                run: "edit 10",
            },
            {
                content: "She saves the quotation",
                trigger: "button[name='cae_save_quote']:contains('Enregistrer')",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Saved: 2 × 450 € less 10 %, VAT 20 % = 972 €",
                trigger: "[name='cae_quote_total']:contains('972,00')",
            },
            {
                content: "She can preview the PDF",
                trigger: "a[name='cae_quote_pdf']:contains('Aperçu du PDF')",
            },
            {
                content: "She sends it for signature",
                trigger: "button[name='cae_quote_send']:contains('Envoyer pour signature')",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Sent, with the customer's link",
                trigger: "[name='cae_quote_sent']:contains('signer en ligne')",
            },
            {
                trigger: "a[name='cae_customer_link']",
            },
        ]),
});

registry.category("web_tour.tours").add("cae_sale_portal_sign_tour", {
    steps: () =>
        patient([
            {
                content: "The customer opens the quotation and signs it",
                trigger: ".o_portal_sale_sidebar a[data-bs-target='#modalaccept']",
                run: "click",
            },
            {
                trigger: ".modal .o_web_sign_name_and_signature input",
                run: "edit Léa Lumière",
            },
            {
                trigger: ".modal canvas.o_web_sign_signature",
                async run(helpers) {
                    await waitUntil(() => {
                        const canvas = helpers.anchor;
                        const context = canvas.getContext("2d");
                        const data = context.getImageData(
                            0,
                            0,
                            canvas.width,
                            canvas.height
                        );
                        return new Uint32Array(data.data.buffer).some((p) => p !== 0);
                    });
                },
            },
            {
                trigger: ".modal .o_portal_sign_submit:enabled",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Signed",
                trigger: "#quote_content",
            },
        ]),
});

registry.category("web_tour.tours").add("cae_sale_portal_invoice_tour", {
    steps: () =>
        patient([
            {
                content: "Signed by the customer",
                trigger: "[name='cae_quote_signed']:contains('Léa Lumière')",
            },
            {
                trigger: "select[name='method']",
                run: "select delivered",
            },
            {
                content: "She invoices the order",
                trigger: "button[name='cae_quote_invoice']:contains('Créer la facture')",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "She submits the invoice for validation",
                trigger: "button[name='cae_invoice_submit']:contains('Soumettre pour validation')",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Submitted to the accountant",
                trigger: "[name='cae_invoice_submitted']:contains('comptable')",
            },
        ]),
});

registry.category("web_tour.tours").add("cae_sale_portal_paid_tour", {
    steps: () =>
        patient([
            {
                content: "Posted by the accountant: she sends it",
                trigger: "button[name='cae_invoice_send']:contains('Envoyer au client')",
                run: "click",
                expectUnloadPage: true,
            },
            {
                trigger: "[name='cae_invoice_sent']",
            },
            {
                content: "The payment is seen",
                trigger: "[name='cae_invoice_payment']:contains('Pay'), [name='cae_invoice_payment']:contains('paiement')",
            },
            {
                content: "Nothing left to pay",
                trigger: "[name='cae_invoice_residual']:contains('0,00')",
            },
        ]),
});
