/* Copyright 2026 CAE suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * Crawler of the back office, driven by the Python harness of
 * ``cae_base/tests/crawler.py``.
 *
 * For each app menu it is given, it opens every menu of the app the user
 * sees, every view type of each window action, the form of the first record
 * of the action and the new-record form when the "New" button is shown, and
 * each tab of those forms. It never stops on an error: it collects
 *
 * - the error dialogs shown (access errors, user errors, tracebacks),
 * - the RPC answers in error,
 * - the errors of the page (console.error, OwlError, uncaught exceptions),
 *
 * each with where it happened, and the visible texts of every page (the
 * harness looks for English labels in them). At the end it logs one line
 * ``cae-crawler-report <json>`` and the success signal; the harness turns the
 * report into the test's verdict.
 */
import { App } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { rpcBus } from "@web/core/network/rpc";

export const REPORT_PREFIX = "cae-crawler-report ";
export const SUCCESS_SIGNAL = "cae crawler done";

const SETTLE_TIMEOUT = 30000;
const TEXT_SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "svg"]);

class Crawler {
    constructor(options) {
        this.options = options;
        this.env = odoo.__WOWL_DEBUG__?.root.env;
        this.pendingRpc = new Map();
        this.context = "";
        this.report = { pages: [], problems: [], texts: {}, empty: [], apps: {} };
        this.onRequest = ({ detail }) => this.pendingRpc.set(detail.data.id, detail.url);
        this.onResponse = ({ detail }) => {
            this.pendingRpc.delete(detail.data.id);
            if (detail.error) {
                const data = detail.error.data || {};
                this.problem(
                    "rpc",
                    `${data.name || detail.error.name || "error"}: ${
                        data.message || detail.error.message || ""
                    }`.trim()
                );
            }
        };
    }

    // ------------------------------------------------------------------
    // Recording
    // ------------------------------------------------------------------
    problem(kind, message) {
        const last = this.report.problems.at(-1);
        if (last && last.context === this.context && last.message === message) {
            return; // the same error seen twice for one page (rpc + dialog...)
        }
        this.report.problems.push({ context: this.context, kind, message });
    }

    page(kind) {
        this.report.pages.push(`${this.context} [${kind}]`);
        browser.console.log(`cae-crawler: ${this.context} [${kind}]`);
        this.collectTexts();
    }

    collectTexts() {
        const texts = this.report.texts;
        const add = (text) => {
            text = (text || "").replace(/\s+/g, " ").trim();
            if (text && text.length < 500 && !(text in texts)) {
                texts[text] = this.context;
            }
        };
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
            acceptNode(node) {
                const parent = node.parentElement;
                if (!parent || TEXT_SKIP.has(parent.tagName) || !node.nodeValue.trim()) {
                    return NodeFilter.FILTER_REJECT;
                }
                return parent.checkVisibility() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
            },
        });
        while (walker.nextNode()) {
            add(walker.currentNode.nodeValue);
        }
        for (const el of document.querySelectorAll("[placeholder]")) {
            if (el.checkVisibility()) {
                add(el.getAttribute("placeholder"));
            }
        }
        // Labels split by markup (<b>, links...) are matched whole too.
        for (const el of document.querySelectorAll("p, li, label, .o_form_label, td, th")) {
            if (el.children.length && el.checkVisibility()) {
                add(el.innerText);
            }
        }
    }

    // ------------------------------------------------------------------
    // Waiting for the web client
    // ------------------------------------------------------------------
    async settle() {
        const start = Date.now();
        const busy = () => {
            if (this.pendingRpc.size) {
                return true;
            }
            for (const app of App.apps) {
                if (app.scheduler.tasks.size) {
                    return true;
                }
            }
            return false;
        };
        // Two quiet frames in a row: an RPC answer often starts another one.
        let quiet = 0;
        while (quiet < 2) {
            await new Promise((resolve) => browser.setTimeout(resolve, 20));
            await new Promise((resolve) => requestAnimationFrame(resolve));
            quiet = busy() ? 0 : quiet + 1;
            if (Date.now() - start > SETTLE_TIMEOUT) {
                this.problem(
                    "timeout",
                    `still waiting after ${SETTLE_TIMEOUT / 1000} s for: ${[
                        ...this.pendingRpc.values(),
                    ].join(", ")}`
                );
                return;
            }
        }
    }

    /** Record and close the error dialogs; true when there was one. */
    checkDialogs() {
        const dialogs = document.querySelectorAll(".o_dialog .o_error_dialog");
        for (const dialog of dialogs) {
            const title = dialog.querySelector(".modal-title")?.innerText || "";
            const body = dialog.querySelector(".modal-body")?.innerText || "";
            this.problem("dialog", `${title}: ${body}`.replace(/\s+/g, " ").slice(0, 1500));
        }
        if (dialogs.length) {
            this.env?.services.dialog.closeAll();
        }
        return dialogs.length > 0;
    }

    async run(label, fn) {
        try {
            await fn();
        } catch (error) {
            this.problem("exception", `${label}: ${errorText(error)}`);
        }
        await this.settle();
        return !this.checkDialogs();
    }

    // ------------------------------------------------------------------
    // Crawling
    // ------------------------------------------------------------------
    async crawl() {
        rpcBus.addEventListener("RPC:REQUEST", this.onRequest);
        rpcBus.addEventListener("RPC:RESPONSE", this.onResponse);
        const menus = this.env.services.menu;
        try {
            for (const xmlid of this.options.apps) {
                const app = menus.getApps().find((a) => a.xmlid === xmlid);
                if (!app) {
                    continue; // the user does not see this app
                }
                const before = this.report.pages.length;
                for (const [menu, path] of leafMenus(menus.getMenuAsTree(app.id), [])) {
                    this.context = `${path.join(" > ")} (${menu.xmlid})`;
                    await this.visitMenu(menu);
                }
                this.report.apps[xmlid] = this.report.pages.length - before;
            }
        } finally {
            rpcBus.removeEventListener("RPC:REQUEST", this.onRequest);
            rpcBus.removeEventListener("RPC:RESPONSE", this.onResponse);
        }
        return this.report;
    }

    async visitMenu(menu) {
        const action = this.env.services.action;
        const menuContext = this.context;
        const opened = await this.run("open", () => this.env.services.menu.selectMenu(menu));
        if (!opened) {
            return;
        }
        if (document.querySelector(".o_dialog .modal")) {
            // A wizard (target="new") or a dialog the action opened.
            this.page("dialog");
            await this.run("close", () => action.doAction({ type: "ir.actions.act_window_close" }));
            this.env.services.dialog.closeAll();
            return;
        }
        const controller = action.currentController;
        if (!controller || controller.action.type !== "ir.actions.act_window") {
            this.page(controller?.action.tag || controller?.action.type || "page");
            return;
        }
        const resModel = controller.action.res_model;
        const firstType = controller.view.type;
        this.page(firstType);
        if (controller.view.multiRecord) {
            await this.visitNewRecord(menuContext, firstType);
        } else {
            await this.visitTabs(menuContext, firstType);
        }
        const types = controller.views.map((v) => v.type);
        for (const type of types) {
            if (type === firstType || type === "form" || type === "search") {
                continue;
            }
            this.context = `${menuContext} / ${type}`;
            if (await this.run(`switch to ${type}`, () => action.switchView(type))) {
                this.page(type);
            }
        }
        if (types.includes("form") && firstType !== "form") {
            const props = controller.props;
            const ids = await this.env.services.orm.search(resModel, props.domain || [], {
                limit: 1,
                context: props.context,
            });
            this.context = `${menuContext} / form of the first record`;
            if (!ids.length) {
                this.report.empty.push({ context: menuContext, model: resModel });
            } else if (
                await this.run("open the first record", () =>
                    action.switchView("form", { resId: ids[0] })
                )
            ) {
                this.page("form");
                await this.visitTabs(this.context, "form");
            }
        }
        await this.leaveForm();
        this.context = menuContext;
    }

    /** Click "New" in a multi-record view, look at the new record, discard it. */
    async visitNewRecord(menuContext, type) {
        const button = document.querySelector(
            ".o_control_panel_main_buttons button.o_list_button_add, " +
                ".o_control_panel_main_buttons button.o-kanban-button-new"
        );
        if (!button || !button.checkVisibility()) {
            return;
        }
        this.context = `${menuContext} / new record (from ${type})`;
        if (await this.run("click New", () => button.click())) {
            this.page("new");
            if (document.querySelector(".o_form_view")) {
                await this.visitTabs(this.context, "new");
            }
        }
        await this.leaveForm();
        const action = this.env.services.action;
        if (action.currentController?.view.type !== type) {
            await this.run("back", () => action.switchView(type));
        }
        this.context = menuContext;
    }

    /** Click every tab of the notebooks of the current form. */
    async visitTabs(context, kind) {
        const tabs = [...document.querySelectorAll(".o_form_view .o_notebook_headers .nav-link")];
        for (const [index, tab] of tabs.entries()) {
            if (!index || !tab.checkVisibility()) {
                continue; // the first tab is already shown
            }
            this.context = `${context} / tab "${tab.innerText.trim()}"`;
            if (await this.run("click tab", () => tab.click())) {
                this.page(kind);
            }
        }
        this.context = context;
    }

    /** Discard whatever is being edited so that nothing is saved by leaving. */
    async leaveForm() {
        const discard = document.querySelector(
            ".o_form_button_cancel, .o_list_button_discard, .o_form_view .o_form_button_discard"
        );
        if (discard && discard.checkVisibility()) {
            await this.run("discard", () => discard.click());
        }
        this.env.services.dialog.closeAll();
        await this.settle();
    }
}

/** ``[menu, path]`` of the menus with an action, depth first, in menu order. */
function leafMenus(menu, path) {
    const here = [...path, menu.name];
    const result = [];
    if (menu.actionID && !menu.childrenTree.length) {
        result.push([menu, here]);
    }
    for (const child of menu.childrenTree) {
        result.push(...leafMenus(child, here));
    }
    return result;
}

function errorText(error) {
    if (!error) {
        return "unknown error";
    }
    const data = error.data || {};
    if (data.name) {
        return `${data.name}: ${data.message || error.message}`;
    }
    return `${error.name || "Error"}: ${error.message || error}`;
}

// ----------------------------------------------------------------------
// Portal: each page in a frame of the page the harness opened, which stays
// and waits for the frame's report at most PAGE_TIMEOUT: a page that does
// not load (an error page without the portal's scripts, a script that never
// ends) is a problem of the crawl, not a crawl that never ends.
// ----------------------------------------------------------------------
const PORTAL_FRAME = "cae_crawler_portal";
const PORTAL_MESSAGE = "cae-crawler-portal-page";
export const PAGE_TIMEOUT = 60000;

/**
 * Entry point for the harness: ``crawlPortal([urls], timeout)`` opens each
 * page in turn, waits for its scripts, records its errors and visible texts.
 */
export async function crawlPortal(urls, timeout = PAGE_TIMEOUT) {
    const report = { pages: [], problems: [], texts: {} };
    for (const url of urls) {
        const page = await openInFrame(url, timeout);
        report.pages.push(...page.pages);
        report.problems.push(...page.problems);
        for (const [text, context] of Object.entries(page.texts)) {
            if (!(text in report.texts)) {
                report.texts[text] = context;
            }
        }
    }
    browser.console.log("%s", REPORT_PREFIX + JSON.stringify(report));
    browser.console.log(SUCCESS_SIGNAL);
}

/** The report of the page at ``url``, opened in a frame. */
function openInFrame(url, timeout) {
    const context = `portal ${url}`;
    return new Promise((resolve) => {
        const frame = document.createElement("iframe");
        frame.name = PORTAL_FRAME;
        frame.dataset.context = context;
        frame.style.cssText =
            "position: fixed; inset: 0; width: 100vw; height: 100vh; " +
            "z-index: 100000; border: 0; background: white;";
        let timer = null;
        const done = (pageReport) => {
            browser.clearTimeout(timer);
            browser.removeEventListener("message", onMessage);
            frame.remove();
            resolve(pageReport);
        };
        const onMessage = (ev) => {
            if (ev.source === frame.contentWindow && ev.data?.type === PORTAL_MESSAGE) {
                done(ev.data.report);
            }
        };
        timer = browser.setTimeout(() => {
            const shown = frameText(frame);
            done({
                pages: [`${context} [not loaded]`],
                texts: {},
                problems: [
                    {
                        context,
                        kind: "timeout",
                        message:
                            `the page did not load in ${timeout / 1000} s` +
                            (shown ? ` (it shows: ${shown})` : " (it shows nothing)"),
                    },
                ],
            });
        }, timeout);
        browser.addEventListener("message", onMessage);
        frame.src = url;
        document.body.appendChild(frame);
    });
}

/** What a frame shows (its title and first words), "" when unreadable. */
function frameText(frame) {
    try {
        const doc = frame.contentDocument;
        const text = [doc?.title, doc?.body?.innerText]
            .filter(Boolean)
            .join(": ")
            .replace(/\s+/g, " ")
            .trim();
        return text.slice(0, 300);
    } catch {
        return "";
    }
}

/** In the frame: wait for the page, look at it, send the report up. */
async function crawlFramedPage(frameElement) {
    const crawler = new Crawler({});
    crawler.context = frameElement.dataset.context;
    browser.console.error = (...args) => crawler.problem("console", args.map(String).join(" "));
    browser.addEventListener("error", (ev) => crawler.problem("exception", String(ev.message)));
    browser.addEventListener("unhandledrejection", (ev) =>
        crawler.problem("exception", errorText(ev.reason))
    );
    rpcBus.addEventListener("RPC:REQUEST", crawler.onRequest);
    rpcBus.addEventListener("RPC:RESPONSE", crawler.onResponse);
    if (document.readyState !== "complete") {
        await new Promise((resolve) => browser.addEventListener("load", resolve));
    }
    const lazyloader = odoo.loader.modules.get("@web/legacy/js/public/lazyloader");
    await lazyloader?.default?.allScriptsLoaded;
    await crawler.settle();
    crawler.checkDialogs();
    crawler.page("portal");
    window.parent.postMessage(
        { type: PORTAL_MESSAGE, report: crawler.report },
        browser.location.origin
    );
}

let portalFrame = null;
try {
    portalFrame = window.frameElement; // null when not framed or cross-origin
} catch {
    portalFrame = null;
}
if (portalFrame?.name === PORTAL_FRAME) {
    crawlFramedPage(portalFrame);
}

/**
 * Entry point for the harness: ``crawlBackOffice({apps: [xmlids]})``.
 */
export async function crawlBackOffice(options) {
    const crawler = new Crawler(options);
    // Errors the web client logs while the crawler works (tracebacks of the
    // error service, OwlErrors) are recorded where they happened instead of
    // stopping the crawl at the first one.
    const consoleError = browser.console.error;
    browser.console.error = (...args) => crawler.problem("console", args.map(String).join(" "));
    let report;
    try {
        report = await crawler.crawl();
    } catch (error) {
        crawler.problem("exception", `crawler stopped: ${errorText(error)}`);
        report = crawler.report;
    } finally {
        browser.console.error = consoleError;
    }
    // "%s": the report may hold "%" signs, which the harness would format.
    browser.console.log("%s", REPORT_PREFIX + JSON.stringify(report));
    browser.console.log(SUCCESS_SIGNAL);
}
