import { dashboardQueryString, missedUpdatesQueryFrom, pagination, rangeProblems } from './missed-updates-filter';

describe('the missed-updates filters', () => {
  it('maps the form’s day, month and year fields into the API query', () => {
    expect(missedUpdatesQueryFrom({ fromDay: '9', fromMonth: '2', fromYear: '2026', toDay: '', toMonth: '', toYear: '', status: 'missed', page: '2' })).toEqual({
      from: '2026-02-09',
      status: 'missed',
      page: 2,
      pageSize: 25,
    });
  });

  it('writes the filters back as the form’s fields for page links', () => {
    expect(dashboardQueryString({ from: '2026-02-09', to: '2026-03-10', reason: 'cadence' }, 3)).toBe(
      'fromDay=9&fromMonth=2&fromYear=2026&toDay=10&toMonth=3&toYear=2026&reason=cadence&page=3',
    );
  });

  it('words the report’s range refusals for the form', () => {
    expect(rangeProblems([{ field: 'from', messages: ['from (2026-03-10) must not be after to (2026-03-01)'] }])).toEqual([
      { field: 'from', messages: ['must not be after the last due date'] },
    ]);
  });

  it('pages with previous, next and gaps', () => {
    const pages = pagination(5, 25, 250, (n) => `?page=${n}`)!;
    expect(pages.previous).toBe('?page=4');
    expect(pages.next).toBe('?page=6');
    expect(pages.items.map((item) => (item.ellipsis ? '…' : item.current ? `[${item.number}]` : String(item.number)))).toEqual(['1', '…', '4', '[5]', '6', '…', '10']);
    expect(pagination(1, 25, 25, (n) => `?page=${n}`)).toBeNull();
  });
});
