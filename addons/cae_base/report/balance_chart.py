# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A small bar chart as SVG coordinates, for QWeb (PDF, portal, form).

Rendered on the server, it needs no JavaScript: the same chart prints in
the PDF statement and shows on the portal.
"""

WIDTH, HEIGHT, MARGIN = 640, 220, 30


def bar_chart(labels, series, width=WIDTH, height=HEIGHT):
    """Coordinates of grouped bars, one group per label.

    :param labels: x labels, e.g. months.
    :param series: ``[(name, colour, [value per label])]``.
    :return: dict for the ``cae_base.balance_chart_svg`` template.

    >>> chart = bar_chart(["J", "F"], [("Turnover", "#017e84", [100.0, -50.0])])
    >>> [(bar["height"], bar["y"] < chart["zero_y"]) for bar in chart["bars"]]
    [(106.7, True), (53.3, False)]
    """
    values = [value for _name, _color, points in series for value in points]
    top = max([0.0, *values])
    bottom = min([0.0, *values])
    span = (top - bottom) or 1.0
    plot_height = height - 2 * MARGIN
    zero_y = MARGIN + plot_height * top / span
    group_width = (width - 2 * MARGIN) / max(len(labels), 1)
    bar_width = group_width * 0.8 / max(len(series), 1)
    bars = []
    for index, (name, color, points) in enumerate(series):
        for position, value in enumerate(points):
            bar_height = round(plot_height * abs(value) / span, 1)
            x = MARGIN + position * group_width + group_width * 0.1 + index * bar_width
            bars.append(
                {
                    "x": round(x, 1),
                    "y": round(zero_y - bar_height if value >= 0 else zero_y, 1),
                    "width": round(bar_width, 1),
                    "height": bar_height,
                    "color": color,
                    "title": f"{name} {labels[position]}: {value:,.2f}",
                }
            )
    return {
        "width": width,
        "height": height,
        "zero_y": round(zero_y, 1),
        "bars": bars,
        "labels": [
            {
                "x": round(MARGIN + (i + 0.5) * group_width, 1),
                "y": height - 8,
                "text": label,
            }
            for i, label in enumerate(labels)
        ],
        "legend": [
            {"name": name, "color": color, "x": MARGIN + i * 150}
            for i, (name, color, _points) in enumerate(series)
        ],
    }
