# Copyright 2026 CAE suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A small bar chart as SVG coordinates, for QWeb (PDF, portal, form).

Rendered on the server, it needs no JavaScript: the same chart prints in
the PDF statement and shows on the portal. It has a value axis with round
graduations (1, 2 or 5 times a power of ten), a zero line, month labels and
each bar's amount on hover; amounts are formatted by the caller (in the
reader's language and currency).
"""

import math

WIDTH, HEIGHT = 640, 240
# Room for the graduations on the left, the legend on top, the months below.
LEFT, RIGHT, TOP, BOTTOM = 70, 10, 26, 24


def nice_ticks(bottom, top, count=5):
    """Round graduations covering ``bottom``..``top`` (``bottom <= 0 <= top``).

    >>> nice_ticks(0.0, 4730.0)
    [0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0]
    >>> nice_ticks(-6478.66, 13901.29)
    [-10000.0, -5000.0, 0.0, 5000.0, 10000.0, 15000.0]
    >>> nice_ticks(0.0, 0.0)
    [0.0, 1.0]
    """
    span = top - bottom
    if span <= 0:
        return [0.0, 1.0]
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.floor(bottom / step)
    last = math.ceil(top / step)
    return [float(i * step) for i in range(first, last + 1)]


def bar_chart(labels, series, format_value=None, width=WIDTH, height=HEIGHT):
    """Coordinates of grouped bars, one group per label, with a value axis.

    :param labels: x labels, e.g. months.
    :param series: ``[(name, colour, [value per label])]``.
    :param format_value: amount -> text, for graduations and hovers
        (default: ``1,234``).
    :return: dict for the ``cae_base.balance_chart_svg`` template.

    >>> chart = bar_chart(["J", "F"], [("Turnover", "#017e84", [100.0, -50.0])])
    >>> [tick["text"] for tick in chart["ticks"]]
    ['-50', '0', '50', '100']
    >>> [(bar["y"] < chart["zero_y"], bar["title"]) for bar in chart["bars"]]
    [(True, 'Turnover J: 100'), (False, 'Turnover F: -50')]
    """
    format_value = format_value or "{:,.0f}".format
    values = [value for _name, _color, points in series for value in points]
    ticks = nice_ticks(min([0.0, *values]), max([0.0, *values]))
    low, high = ticks[0], ticks[-1]
    plot_height = height - TOP - BOTTOM
    plot_width = width - LEFT - RIGHT

    def y_of(value):
        return round(TOP + plot_height * (high - value) / (high - low), 1)

    zero_y = y_of(0.0)
    group_width = plot_width / max(len(labels), 1)
    bar_width = group_width * 0.8 / max(len(series), 1)
    bars = []
    for index, (name, color, points) in enumerate(series):
        for position, value in enumerate(points):
            x = LEFT + position * group_width + group_width * 0.1 + index * bar_width
            top_y, bottom_y = sorted((y_of(value), zero_y))
            bars.append(
                {
                    "x": round(x, 1),
                    "y": top_y,
                    "width": round(bar_width, 1),
                    "height": round(bottom_y - top_y, 1),
                    "color": color,
                    "title": f"{name} {labels[position]}: {format_value(value)}",
                }
            )
    return {
        "width": width,
        "height": height,
        "left": LEFT,
        "right": width - RIGHT,
        "top": TOP,
        "bottom": height - BOTTOM,
        "zero_y": zero_y,
        "bars": bars,
        "ticks": [
            {"y": y_of(tick), "text": format_value(tick), "is_zero": tick == 0}
            for tick in ticks
        ],
        "labels": [
            {
                "x": round(LEFT + (i + 0.5) * group_width, 1),
                "y": height - 8,
                "text": label,
            }
            for i, label in enumerate(labels)
        ],
        "legend": [
            {"name": name, "color": color, "x": LEFT + i * 170}
            for i, (name, color, _points) in enumerate(series)
        ],
    }
